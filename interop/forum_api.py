"""Read-only JSON for the public forums, their topics and posts.

Visibility is the forum's own (`visible_to(AnonymousUser())`): a forum for
members or focal points, a hidden, held or deleted post never shows here.
Authors appear by display name only.
"""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse

from forum.models import Forum, Post, Topic
from forum.models.forum import forum_root_url

from .json_api import (
    absolute,
    day,
    integer,
    iso,
    json_endpoint,
    listing_response,
    names,
    paginate,
    with_last_modified,
)

ANONYMOUS = AnonymousUser()


def visible_forums():
    return Forum.objects.visible_to(ANONYMOUS).select_related("subject")


def visible_topics():
    return (
        Topic.objects.visible_to(ANONYMOUS)
        .select_related("forum", "author")
        .prefetch_related("tags")
    )


def visible_posts():
    return (
        Post.objects.visible_to(ANONYMOUS)
        .filter(topic__in=Topic.objects.visible_to(ANONYMOUS))
        .select_related("author", "topic__forum")
    )


def forum_record(forum: Forum, root: str) -> dict:
    return {
        "id": forum.pk,
        "slug": forum.slug,
        "name": forum.name,
        "description": forum.description,
        "subject": forum.subject.code if forum.subject_id else None,
        "topic_count": forum.topic_count,
        "post_count": forum.post_count,
        "last_post_at": iso(forum.last_post_at),
        "html_url": absolute(forum.get_absolute_url(root)),
    }


def topic_record(topic: Topic, root: str) -> dict:
    return {
        "id": topic.pk,
        "title": topic.title,
        "forum": topic.forum.slug,
        "author": topic.author.get_display_name(),
        "created_at": iso(topic.created_at),
        "last_post_at": iso(topic.last_post_at),
        "reply_count": topic.reply_count,
        "like_count": topic.like_count,
        "language": topic.language,
        "tags": names(tag.name for tag in topic.tags.all()),
        "is_solved": topic.solution_id is not None,
        "html_url": absolute(topic.get_absolute_url(root)),
    }


def post_record(post: Post, root: str) -> dict:
    return {
        "id": post.pk,
        "topic": post.topic_id,
        "number": post.number,
        "author": post.author.get_display_name(),
        "html": post.html,
        "created_at": iso(post.created_at),
        "edited_at": iso(post.edited_at),
        "like_count": post.like_count,
        "html_url": absolute(post.topic.url_for_post_number(post.number, root)),
    }


def _dates(request, queryset, field: str):
    if since := day(request, "since"):
        queryset = queryset.filter(**{f"{field}__gte": since})
    if until := day(request, "until"):
        queryset = queryset.filter(**{f"{field}__lt": until + timedelta(days=1)})
    return queryset


@json_endpoint("subject")
def forum_list(request):
    forums = visible_forums().order_by("sort_order", "name", "pk")
    if code := request.GET.get("subject"):
        forums = forums.filter(subject__code__iexact=code)
    root = forum_root_url()
    listing = paginate(request, forums, lambda f: forum_record(f, root), "last_post_at")
    return listing_response(listing)


@json_endpoint()
def forum_detail(request, slug: str):
    forum = visible_forums().filter(slug=slug).first()
    if forum is None:
        return JsonResponse({"message": "not found"}, status=404)
    response = JsonResponse(forum_record(forum, forum_root_url()))
    return with_last_modified(response, forum.last_post_at)


@json_endpoint("forum", "tag", "language", "since", "until")
def topic_list(request):
    topics = visible_topics().order_by("-last_post_at", "-pk")
    if slug := request.GET.get("forum"):
        topics = topics.filter(forum__slug=slug)
    if tag := request.GET.get("tag"):
        topics = topics.filter(tags__slug=tag).distinct()
    if language := request.GET.get("language"):
        topics = topics.filter(language=language)
    topics = _dates(request, topics, "last_post_at")
    root = forum_root_url()
    listing = paginate(request, topics, lambda t: topic_record(t, root), "last_post_at")
    return listing_response(listing)


@json_endpoint()
def topic_detail(request, pk: int):
    topic = visible_topics().filter(pk=pk).first()
    if topic is None:
        return JsonResponse({"message": "not found"}, status=404)
    response = JsonResponse(topic_record(topic, forum_root_url()))
    return with_last_modified(response, topic.last_post_at)


@json_endpoint("topic", "since", "until")
def post_list(request):
    posts = visible_posts().order_by("topic_id", "number", "pk")
    topic = integer(request, "topic")
    if topic is not None:
        posts = posts.filter(topic_id=topic)
    posts = _dates(request, posts, "created_at")
    root = forum_root_url()
    listing = paginate(request, posts, lambda p: post_record(p, root), "created_at")
    return listing_response(listing)


@json_endpoint()
def post_detail(request, pk: int):
    post = visible_posts().filter(pk=pk).first()
    if post is None:
        return JsonResponse({"message": "not found"}, status=404)
    response = JsonResponse(post_record(post, forum_root_url()))
    return with_last_modified(response, post.edited_at or post.created_at)

"""Read-only JSON for the public forums, their topics and posts, under
/api/v2/.

Visibility is the forum's own (`visible_to(AnonymousUser())`): a forum for
members or focal points, a hidden, held or deleted post never shows here.
Authors appear by display name only. `register_api()`, called from
`ForumConfig.ready()`, gives the read API the endpoints, their OpenAPI
description and examples that exist.
"""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse

from core.api import openapi
from core.api.json_api import (
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
from core.api.registry import (
    register_api_endpoint,
    register_api_examples,
    register_openapi,
)

from .models import Forum, Post, Topic
from .models.forum import forum_root_url

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


# The OpenAPI description and the examples, registered from ForumConfig.ready().

_string = openapi.string
_NULLABLE_DATETIME = openapi.NULLABLE_DATETIME

SCHEMAS = {
    "Forum": {
        "type": "object",
        "required": ["id", "slug", "name", "html_url"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer"},
            "slug": _string(),
            "name": _string(),
            "description": _string(),
            "subject": _string(nullable=True, example="CBD-SUBJECT-FOR"),
            "topic_count": {"type": "integer"},
            "post_count": {"type": "integer"},
            "last_post_at": _NULLABLE_DATETIME,
            "html_url": _string(format="uri"),
        },
    },
    "Topic": {
        "type": "object",
        "required": ["id", "title", "forum", "author", "created_at", "html_url"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer"},
            "title": _string(),
            "forum": _string(description="The forum's slug."),
            "author": _string(description="Display name."),
            "created_at": _string(format="date-time"),
            "last_post_at": _string(format="date-time"),
            "reply_count": {"type": "integer"},
            "like_count": {"type": "integer"},
            "language": _string(),
            "tags": {"type": "array", "items": _string()},
            "is_solved": {"type": "boolean"},
            "html_url": _string(format="uri"),
        },
    },
    "Post": {
        "type": "object",
        "required": ["id", "topic", "number", "author", "html", "created_at"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer"},
            "topic": {"type": "integer"},
            "number": {"type": "integer"},
            "author": _string(description="Display name."),
            "html": _string(description="Sanitised HTML."),
            "created_at": _string(format="date-time"),
            "edited_at": _NULLABLE_DATETIME,
            "like_count": {"type": "integer"},
            "html_url": _string(format="uri"),
        },
    },
}


def api_examples() -> dict:
    """forum (slug), topic and post (ids): the first of each an anonymous
    reader may see, or None where there is none."""
    forum = visible_forums().order_by("sort_order", "pk").first()
    topic = visible_topics().order_by("pk").first()
    post = visible_posts().order_by("pk").first()
    return {
        "forum": forum.slug if forum else None,
        "topic": topic.pk if topic else None,
        "post": post.pk if post else None,
    }


def openapi_paths() -> dict[str, dict]:
    """This app's part of /api/openapi.json, built when it is served: the
    examples are things that exist, so that a reader, or a fuzzer starting
    from them, reaches real forums, topics and posts rather than 404s."""
    examples = api_examples()
    get, paging, query, day = (
        openapi.get_operation,
        openapi.paging_parameters,
        openapi.query_parameter,
        openapi.day_parameter,
    )

    def object_id(name: str) -> dict:
        schema = {"type": "integer", "minimum": 1}
        return openapi.path_parameter("id", schema, examples.get(name))

    return {
        "/api/v2/forums/": get(
            "Public forums",
            [*paging(), query("subject", "A CBD subject code.")],
            openapi.listing_schema("Forum"),
        ),
        "/api/v2/forums/{slug}/": get(
            "One public forum",
            [openapi.path_parameter("slug", _string(), examples.get("forum"))],
            openapi.ref("Forum"),
            not_found=True,
        ),
        "/api/v2/topics/": get(
            "Topics of public forums, most recently active first",
            [
                *paging(),
                query("forum", "A forum's slug."),
                query("tag", "A tag's slug."),
                query("language", "A language code."),
                day("since", "Active on or after this day."),
                day("until", "Active on or before this day."),
            ],
            openapi.listing_schema("Topic"),
        ),
        "/api/v2/topics/{id}/": get(
            "One topic", [object_id("topic")], openapi.ref("Topic"), not_found=True
        ),
        "/api/v2/posts/": get(
            "Posts of public topics, by topic and number",
            [
                *paging(),
                openapi.id_query_parameter("topic", "A topic id."),
                day("since", "Written on or after this day."),
                day("until", "Written on or before this day."),
            ],
            openapi.listing_schema("Post"),
        ),
        "/api/v2/posts/{id}/": get(
            "One post", [object_id("post")], openapi.ref("Post"), not_found=True
        ),
    }


def register_api() -> None:
    register_api_endpoint("api/v2/forums/", forum_list, "forum_list")
    register_api_endpoint("api/v2/forums/<slug:slug>/", forum_detail, "forum_detail")
    register_api_endpoint("api/v2/topics/", topic_list, "topic_list")
    register_api_endpoint("api/v2/topics/<int:pk>/", topic_detail, "topic_detail")
    register_api_endpoint("api/v2/posts/", post_list, "post_list")
    register_api_endpoint("api/v2/posts/<int:pk>/", post_detail, "post_detail")
    register_openapi(openapi_paths, SCHEMAS, order=10)
    register_api_examples(api_examples)

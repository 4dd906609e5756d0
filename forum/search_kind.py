"""Forum topics and posts in the site search (`core.search_kinds`): what the
member may read, filtered by forum, tag, language and date."""

from django.db.models import Q, QuerySet
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from core.search_kinds import SearchItem, SearchKind

from .models import Post, Topic, forum_root_url


def _dates(qs: QuerySet, params) -> QuerySet:
    if params.date_from:
        qs = qs.filter(created_at__date__gte=params.date_from)
    if params.date_to:
        qs = qs.filter(created_at__date__lte=params.date_to)
    return qs


def topic_queryset(user, params) -> QuerySet | None:
    if params.region or params.country:
        return None
    qs = Topic.objects.visible_to(user)
    if params.forum:
        qs = qs.filter(forum=params.forum)
    if params.tag:
        qs = qs.filter(tagged_items__tag=params.tag)
    if params.language:
        qs = qs.filter(language=params.language)
    return _dates(qs, params)


def post_queryset(user, params) -> QuerySet | None:
    if params.region or params.country:
        return None
    # A visible post must also sit in a topic (and forum) the member may read.
    qs = Post.objects.visible_to(user).filter(
        topic__in=Topic.objects.visible_to(user).values("pk")
    )
    if params.forum:
        qs = qs.filter(topic__forum=params.forum)
    if params.tag:
        qs = qs.filter(topic__tagged_items__tag=params.tag)
    if params.language:
        qs = qs.filter(topic__language=params.language)
    return _dates(qs, params)


def topic_items(pks, request) -> dict:
    root = forum_root_url()
    return {
        topic.pk: SearchItem(
            topic.title,
            topic.get_absolute_url(root),
            "",
            [topic.forum.name],
            topic.created_at,
            topic.language,
        )
        for topic in Topic.objects.filter(pk__in=pks).select_related("forum")
    }


def post_items(pks, request) -> dict:
    root = forum_root_url()
    return {
        post.pk: SearchItem(
            post.topic.title,
            post.topic.url_for_post_number(post.number, root),
            strip_tags(post.html),
            [post.topic.forum.name, post.author.get_display_name()],
            post.created_at,
            post.topic.language,
        )
        for post in Post.objects.filter(pk__in=pks).select_related(
            "topic__forum", "author"
        )
    }


def _topic_links(topics, request) -> list[tuple[str, str]]:
    root = forum_root_url()
    return [(topic.title, topic.get_absolute_url(root)) for topic in topics]


TOPIC = SearchKind(
    key="topic",
    label=_("Forum topics"),
    order=20,
    queryset=topic_queryset,
    fetch=topic_items,
    language=lambda code: Q(language=code),
    facets={"forum": "forum", "tag": "tagged_items__tag", "language": "language"},
    date_field="created_at",
    suggest=lambda user: Topic.objects.visible_to(user).select_related("forum"),
    suggest_links=_topic_links,
    suggest_order=40,
)

POST = SearchKind(
    key="post",
    label=_("Forum posts"),
    order=30,
    queryset=post_queryset,
    fetch=post_items,
    title_fields=(),
    language=lambda code: Q(topic__language=code),
    facets={"forum": "topic__forum", "language": "topic__language"},
    date_field="created_at",
)

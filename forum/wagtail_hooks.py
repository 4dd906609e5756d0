from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Flag, Forum, ModerationLog, Post, Topic


class ForumViewSet(SnippetViewSet):
    model = Forum
    icon = "group"
    list_display = ["name", "visibility", "topic_count", "post_count", "is_locked"]
    list_filter = ["visibility", "is_locked"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "list-ul"
    list_display = [
        "title",
        "forum",
        "author",
        "reply_count",
        "is_hidden",
        "is_locked",
        "by_email",
    ]
    list_filter = [
        "forum",
        "is_hidden",
        "is_locked",
        "is_pinned",
        "is_deleted",
        "by_email",
    ]
    search_fields = ["title"]


class PostViewSet(SnippetViewSet):
    model = Post
    icon = "comment"
    list_display = ["__str__", "author", "created_at", "is_hidden", "is_held"]
    list_filter = ["is_hidden", "is_held", "is_deleted"]
    search_fields = ["raw"]


class FlagViewSet(SnippetViewSet):
    model = Flag
    icon = "warning"
    list_display = ["__str__", "reporter", "created_at", "resolved_at", "outcome"]
    list_filter = ["reason", "outcome"]


class ModerationLogViewSet(SnippetViewSet):
    model = ModerationLog
    icon = "history"
    list_display = ["created_at", "moderator", "action", "member", "reason"]
    list_filter = ["action"]


class ForumGroup(ViewSetGroup):
    menu_label = _("Forums")
    menu_icon = "group"
    menu_order = 250
    items = (ForumViewSet, TopicViewSet, PostViewSet, FlagViewSet, ModerationLogViewSet)


register_snippet(ForumGroup)

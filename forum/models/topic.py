from anyascii import anyascii
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.search import index

from community.roles import is_moderator
from core.content_writes import ContentQuerySet

from .forum import Forum

POSTS_PER_PAGE = 20


class TaggedTopic(TaggedItemBase):
    content_object = models.ForeignKey(
        "forum.Topic", on_delete=models.CASCADE, related_name="tagged_items"
    )


class TopicQuerySet(ContentQuerySet):
    def visible_to(self, user):
        """Topics in forums the member may read, without hidden or deleted ones
        (moderators see everything; authors still see their own hidden topic)."""
        topics = self.filter(forum__in=Forum.objects.visible_to(user))
        if is_moderator(user):
            return topics
        shown = Q(is_hidden=False, is_deleted=False)
        if user.is_authenticated:
            shown |= Q(author=user, is_deleted=False)
        return topics.filter(shown)

    def public(self):
        return self.filter(
            forum__visibility=Forum.Visibility.PUBLIC, is_hidden=False, is_deleted=False
        )

    def in_language(self, language: str | None):
        """Topics written in `language` (a code of settings.LANGUAGES); all of
        them when it is empty."""
        return self.filter(language=language) if language else self

    def in_list_order(self):
        return self.order_by("-is_pinned", "-last_post_at", "-pk")

    def for_listing(self):
        return self.select_related("forum", "author", "last_poster").prefetch_related(
            "tags"
        )


class Topic(index.Indexed, models.Model):
    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="topics", verbose_name=_("forum")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="forum_topics",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    tags = TaggableManager(through=TaggedTopic, blank=True, verbose_name=_("tags"))
    language = models.CharField(_("language"), max_length=10, blank=True)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    is_deleted = models.BooleanField(_("deleted"), default=False)
    # Started by email to the forum's address (notifications/inbound): shown
    # to moderators, since no web form stood between the sender and the post.
    by_email = models.BooleanField(_("started by email"), default=False)
    solution = models.ForeignKey(
        "forum.Post",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("solution"),
    )
    # The editorial page (news post, toolkit) this topic discusses, if any.
    page = models.OneToOneField(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="discussion",
        verbose_name=_("discussed page"),
    )
    # Denormalised, maintained with F() by forum.posting.
    post_count = models.PositiveIntegerField(_("posts"), default=0)  # highest number
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    like_count = models.PositiveIntegerField(_("likes"), default=0)
    last_post_at = models.DateTimeField(_("last post"), default=timezone.now)
    last_poster = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last poster"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = TopicQuerySet.as_manager()

    # Everything is indexed; visibility is filtered at query time (search.queries),
    # since moderation flips flags with QuerySet.update(), which sends no signal.
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("forum"),
        index.FilterField("language"),
        index.FilterField("created_at"),
    ]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        indexes = [
            models.Index(fields=["forum", "-is_pinned", "-last_post_at", "-id"]),
            models.Index(fields=["-last_post_at"]),
            # A member's own hidden topics (forum/personal.py).
            models.Index(
                fields=["author"],
                condition=models.Q(is_hidden=True),
                name="topic_author_hidden",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = make_slug(self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self, root: str | None = None) -> str:
        return f"{self.forum.get_absolute_url(root)}t/{self.pk}-{self.slug}/"

    @property
    def page_count(self) -> int:
        return max(1, -(-self.post_count // POSTS_PER_PAGE))

    def url_for_post_number(self, number: int, root: str | None = None) -> str:
        page = (number - 1) // POSTS_PER_PAGE + 1
        suffix = f"?page={page}" if page > 1 else ""
        return f"{self.get_absolute_url(root)}{suffix}#post-{number}"


def make_slug(title: str) -> str:
    return slugify(anyascii(title))[:80].strip("-") or "topic"


class TopicReadState(models.Model):
    """How far a member has read a topic: one row per member and topic."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    last_read_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="one_read_state")
        ]

    def __str__(self) -> str:
        return f"{self.user} read {self.topic} to #{self.last_read_number}"

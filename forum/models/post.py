from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from community.roles import is_moderator
from core.content_writes import ContentQuerySet
from core.statements import Statement

from .topic import Topic

MAX_POST_LENGTH = 32_000


class PostQuerySet(ContentQuerySet):
    def visible_to(self, user):
        """Hidden, held and deleted posts vanish for everyone but moderators and,
        for hidden and held ones, their author."""
        if is_moderator(user):
            return self
        shown = Q(is_hidden=False, is_deleted=False, is_held=False)
        if user.is_authenticated:
            shown |= Q(author=user, is_deleted=False)
        return self.filter(shown)

    def public(self):
        return self.filter(is_hidden=False, is_deleted=False, is_held=False)


class Post(index.Indexed, models.Model):
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="posts", verbose_name=_("topic")
    )
    number = models.PositiveIntegerField(_("number in topic"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="forum_posts",
        verbose_name=_("author"),
    )
    raw = models.TextField(_("text (Markdown)"), max_length=MAX_POST_LENGTH)
    html = models.TextField(_("text (cooked HTML)"), editable=False)
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    edit_count = models.PositiveIntegerField(_("edits"), default=0)
    like_count = models.PositiveIntegerField(_("likes"), default=0)
    # The language the member wrote in (a code of settings.LANGUAGES): lists and
    # feeds filter on it. Blank when unknown (posts older than the field).
    language = models.CharField(_("language"), max_length=10, blank=True)
    is_hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    is_held = models.BooleanField(_("held for review"), default=False)
    is_deleted = models.BooleanField(_("deleted"), default=False)

    objects = PostQuerySet.as_manager()

    # Indexed whatever its flags; search filters with visible_to() at query time.
    search_fields = [
        index.SearchField("raw"),
        index.FilterField("topic"),
        index.FilterField("created_at"),
    ]

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.UniqueConstraint(fields=["topic", "number"], name="post_number")
        ]
        indexes = [
            models.Index(fields=["author", "-created_at"]),
            # A member's own hidden or held posts (forum/personal.py asks on
            # every page a member reads): the few such rows, not all of theirs.
            models.Index(
                fields=["author"],
                condition=models.Q(is_hidden=True) | models.Q(is_held=True),
                name="post_author_unlisted",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic} #{self.number}"

    def get_absolute_url(self) -> str:
        return self.topic.url_for_post_number(self.number)

    @property
    def personal_key(self) -> str:
        """What the post's controls depend on besides the reader's audience:
        the argument of its personal part (forum/personal.py)."""
        return f"{self.pk}:{self.author_id}:{self.topic.author_id}"

    @property
    def is_first(self) -> bool:
        return self.number == 1


class PostRevision(models.Model):
    """The text of a post before each edit: the history anyone can read."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    raw = models.TextField()
    html = models.TextField()
    created_at = models.DateTimeField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A redacted revision keeps the fact of the edit (who, when) but not its
    # text: forum/redaction.py.
    redacted_at = models.DateTimeField(null=True, blank=True)
    redacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["post", "number"], name="revision_number")
        ]

    def __str__(self) -> str:
        return f"{self.post} v{self.number}"


class PostLikeManager(models.Manager):
    def liked_by(self, user, post_ids: list[int]) -> set[int]:
        """Which of these posts the member likes (the like buttons of a topic
        page), as one plain statement (core/statements.py): every signed-in
        topic page asks."""
        if not post_ids or not user.is_authenticated:
            return set()
        return set(_liked.column([user.pk], post_ids))


class PostLike(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="likes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PostLikeManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="one_like_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.user} likes {self.post}"


_liked = Statement(
    PostLike, "SELECT {post} FROM {table} WHERE {user} = %s AND {post} IN ({many})"
)


class Mention(models.Model):
    """A member named with @username in a post (read by notifications)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentions"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="one_mention")
        ]

    def __str__(self) -> str:
        return f"@{self.user} in {self.post}"

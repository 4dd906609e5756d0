from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core.content_writes import ContentQuerySet

from ..roles import is_any_focal_point, is_moderator

RESERVED_SLUGS = {"moderation", "new", "t", "post", "feeds", "discuss"}


class ForumQuerySet(ContentQuerySet):
    def visible_to(self, user):
        if is_moderator(user):
            return self
        allowed = Q(visibility=Forum.Visibility.PUBLIC)
        if user.is_authenticated:
            allowed |= Q(visibility=Forum.Visibility.MEMBERS)
            if is_any_focal_point(user):
                allowed |= Q(visibility=Forum.Visibility.FOCAL_POINTS)
        return self.filter(allowed)

    def public(self):
        return self.filter(visibility=Forum.Visibility.PUBLIC)


class Forum(models.Model):
    """A thematic forum. Managed as a snippet in the Wagtail admin."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Signed-in members")
        FOCAL_POINTS = "focal-points", _("Focal points only")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True, max_length=1000)
    subject = models.ForeignKey(
        "community.Subject",
        verbose_name=_("CBD subject"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forums",
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)
    visibility = models.CharField(
        _("visibility"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    allow_solutions = models.BooleanField(
        _("questions can be marked solved"), default=True
    )
    is_locked = models.BooleanField(
        _("locked"), default=False, help_text=_("No new topics or replies.")
    )
    # Denormalised, maintained with F() by the posting functions.
    topic_count = models.PositiveIntegerField(_("topics"), default=0, editable=False)
    post_count = models.PositiveIntegerField(_("posts"), default=0, editable=False)
    last_post_at = models.DateTimeField(
        _("last post"), null=True, blank=True, editable=False
    )
    last_topic = models.ForeignKey(
        "forum.Topic",
        verbose_name=_("last topic"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ForumQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("subject"),
        FieldPanel("sort_order"),
        FieldPanel("visibility"),
        FieldPanel("allow_solutions"),
        FieldPanel("is_locked"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self, root: str | None = None) -> str:
        return f"{root or forum_root_url()}{self.slug}/"

    def clean(self):
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is reserved.")})

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC

    def is_visible_to(self, user) -> bool:
        """The same rule as ForumQuerySet.visible_to, without a query."""
        if self.visibility == self.Visibility.PUBLIC or is_moderator(user):
            return True
        if self.visibility == self.Visibility.MEMBERS:
            return user.is_authenticated
        return is_any_focal_point(user)


def forum_root_url() -> str:
    page = ForumIndexPage.objects.live().first()
    return page.url if page else "/forums/"


class ForumIndexPage(RoutablePageMixin, Page):
    """The forums at /forums/: forum list, topic lists, topics, actions."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("forum index")

    # Each route hands over to a thin view in forum.views.
    @path("")
    def forum_list(self, request):
        from .. import views

        return views.forum_list(request, self)

    @path("moderation/")
    def moderation_queue(self, request):
        from .. import views

        return views.moderation_queue(request, self)

    @path("moderation/flags/<int:flag_id>/")
    def resolve_flag(self, request, flag_id: int):
        from .. import views

        return views.resolve_flag(request, self, flag_id)

    @path("moderation/held/<int:post_id>/")
    def review_held_post(self, request, post_id: int):
        from .. import views

        return views.review_held_post(request, self, post_id)

    @path("discuss/<int:page_id>/")
    def discuss_page(self, request, page_id: int):
        from .. import views

        return views.discuss_page(request, self, page_id)

    @path("preview/")
    def preview(self, request):
        from .. import views

        return views.preview(request, self)

    @path("mentions/")
    def mention_suggestions(self, request):
        from .. import views

        return views.mention_suggestions(request, self)

    @path("post/<int:post_id>/<str:action>/")
    def post_action(self, request, post_id: int, action: str):
        from .. import views

        return views.post_action(request, self, post_id, action)

    @path("t/<int:topic_id>/<str:action>/")
    def topic_action(self, request, topic_id: int, action: str):
        from .. import views

        return views.topic_action(request, self, topic_id, action)

    @path("<slug:forum_slug>/")
    def topic_list(self, request, forum_slug: str):
        from .. import views

        return views.topic_list(request, self, forum_slug)

    @path("<slug:forum_slug>/new/")
    def new_topic(self, request, forum_slug: str):
        from .. import views

        return views.new_topic(request, self, forum_slug)

    @path("<slug:forum_slug>/follow/")
    def follow_forum(self, request, forum_slug: str):
        from .. import views

        return views.follow_forum(request, self, forum_slug)

    @path("<slug:forum_slug>/t/<int:topic_id>-<slug:topic_slug>/")
    def topic(self, request, forum_slug: str, topic_id: int, topic_slug: str):
        from .. import views

        return views.topic_detail(request, self, forum_slug, topic_id)

    @path("<slug:forum_slug>/t/<int:topic_id>-<slug:topic_slug>/reply/")
    def reply(self, request, forum_slug: str, topic_id: int, topic_slug: str):
        from .. import views

        return views.reply(request, self, forum_slug, topic_id)

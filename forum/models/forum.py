from functools import partial
from importlib import import_module

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from community.roles import is_moderator
from core.content_writes import ContentQuerySet

from ..roles import is_any_focal_point

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
    topics_by_email = models.BooleanField(
        _("topics by email"),
        default=False,
        help_text=_(
            "Members with a verified address may start a topic by writing to "
            "<slug>@ the site's email-in domain."
        ),
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
        FieldPanel("topics_by_email"),
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
    """The forums at /forums/: forum list, topic lists, topics, actions, at
    the addresses of forum/urls.py below this page's."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("forum index")

    # The routes below this page: forum/urls.py, named here rather than
    # imported, as a urlconf is (see there).
    subpage_urlconf = "forum.urls"

    @classmethod
    def get_subpage_urls(cls):
        return tuple(import_module(cls.subpage_urlconf).urlpatterns)

    def resolve_subpage(self, path):
        """The view for `path`, handed this page as `index`."""
        match = self.get_resolver().resolve(path)
        match.func = partial(match.func, index=self)
        return match

"""Every page type of the site, on the demo network: shared by the browser
matrix (test_page_matrix.py) and `make screenshots` (screenshots.py), so both
look at the same pages. Not a test module (pytest collects test_*.py only)."""

from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

SIZES = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1366, "height": 900},
}
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Pages a signed-in member is sent away from: visited before signing in.
ANONYMOUS = ("sign-up", "sign-in")
# Benin's national website, on its own host (bj.localhost: Chromium sends
# *.localhost to loopback), signed out there as a first visitor is.
NATIONAL = ("national site", "national site page")
NATIONAL_HOST = "bj.localhost"
# The Wagtail admin: a staff member's page, not language-prefixed.
STAFF = ("admin",)
MEMBER = "newcomer"
# The page types of page_paths(), in its order: named here so that a test can
# be generated for each before the demo network exists.
PAGE_TYPES = (
    "home",
    "region",
    "country",
    "news post",
    "national page",
    "national site",
    "national site page",
    "forums",
    "forum",
    "topic",
    "new topic",
    "toolkit library",
    "toolkit",
    "tag",
    "cooperation requests",
    "request",
    "offer",
    "case studies",
    "events",
    "event",
    "experts",
    "profile",
    "messages",
    "conversation",
    "notifications",
    "offline",
    "network",
    "country targets",
    "gbf",
    "global target",
    "search",
    "sign-up",
    "sign-in",
    "404",
    "admin",
)


def base_for(base: str, name: str) -> str:
    """The server's address for page type `name`: the national host for the
    national site's pages."""
    if name in NATIONAL:
        return base.replace("127.0.0.1", NATIONAL_HOST, 1)
    return base


def localized(path: str, language: str) -> str:
    if language == settings.LANGUAGE_CODE or path.startswith("/admin/"):
        return path
    return f"/{language}{path}"


def build_demo_world() -> dict:
    """The demo network (`seed_demo`), plus what a member's own pages need to
    show something: a reply to the newcomer's topic (a notification), a private
    message, and an authenticator for the Secretariat account (staff have no
    admin until they have one). Idempotent, like seed_demo."""
    call_command("seed_demo", stdout=StringIO())
    return add_member_world()


def add_member_world() -> dict:
    """What `build_demo_world` adds to the seeded demo network (where it is
    already seeded, as in the `demo_network` fixture's copy)."""
    from community.models import User
    from forum import posting
    from forum.models import Topic
    from messaging.models import Message
    from messaging.sending import send_message
    from notifications.models import Notification

    from ..factories import enrol_in_two_factor

    users = {user.username: user for user in User.objects.all()}
    member = users[MEMBER]
    topic = Topic.objects.filter(author=member).order_by("pk").first()
    if not Notification.objects.filter(recipient=member).exists():
        posting.reply(
            topic,
            users["focal.benin"],
            "Welcome @newcomer! The FAO Global Forest Resources Assessment is a "
            "good place to start; Benin reports forest area every five years.",
        )
    if not Message.objects.filter(recipient=member).exists():
        send_message(
            users["expert"],
            member,
            "Hello! I saw your question on forest indicators. Happy to help.",
        )
    staff = users["admin"]
    if not staff.authenticator_set.exists():
        enrol_in_two_factor(staff)
    return {"member": member, "staff": staff}


def page_paths() -> dict[str, str]:
    """Page type -> English path (the other languages add their prefix), for
    each of PAGE_TYPES."""
    from blog.models import BlogPostPage
    from cooperation.models import CooperationOffer, CooperationRequest
    from events.models import EventPage
    from forum.models import Forum, Topic
    from toolkits.models import ToolkitPage

    with translation.override(settings.LANGUAGE_CODE):
        topic = (
            Topic.objects.filter(forum__visibility=Forum.Visibility.PUBLIC)
            .select_related("forum")
            .order_by("-reply_count", "pk")
            .first()
        )
        forum = topic.forum
        news = BlogPostPage.objects.live().order_by("pk").first()
        toolkit = ToolkitPage.objects.live().order_by("pk").first()
        request = CooperationRequest.objects.order_by("pk").first()
        offer = CooperationOffer.objects.order_by("pk").first()
        tag = topic.tags.order_by("pk").first()
        event = EventPage.objects.live().filter(country__isnull=False)
        event = event.upcoming().first()
        return {
            "home": "/",
            "region": news.get_parent().get_parent().url,
            "country": news.get_parent().url,
            "news post": news.url,
            "national page": "/africa/benin/biodiversity-profile/",
            "national site": "/",
            "national site page": "/biodiversity-profile/",
            "forums": "/forums/",
            "forum": forum.get_absolute_url(),
            "topic": topic.get_absolute_url(),
            "new topic": forum.get_absolute_url() + "new/",
            "toolkit library": "/toolkits/",
            "toolkit": toolkit.url,
            "tag": reverse("tagging:tag", args=[tag.slug]),
            "cooperation requests": reverse("cooperation:requests"),
            "request": request.get_absolute_url(),
            "offer": offer.get_absolute_url(),
            "case studies": reverse("cooperation:case_studies"),
            "events": "/events/",
            "event": event.url,
            "experts": reverse("directory:list"),
            "profile": reverse("community:profile", args=["expert"]),
            "messages": reverse("messaging:inbox"),
            "conversation": reverse("messaging:conversation", args=["expert"]),
            "notifications": reverse("notifications:list"),
            "offline": reverse("offline"),
            "network": reverse("network:dashboard"),
            "country targets": reverse("targets:country", args=["bj"]),
            "gbf": reverse("targets:gbf"),
            "global target": reverse("targets:global_target", args=[3]),
            "search": reverse("search:search") + "?q=forest",
            "sign-up": reverse("account_signup"),
            "sign-in": reverse("account_login"),
            "404": "/no-such-page-here/",
            "admin": "/admin/",
        }

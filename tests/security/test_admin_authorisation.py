"""Who may do what in the administration: every URL pattern of the Wagtail
admin (`admin/`) and the Django admin (`django-admin/`) × every role of the
authorisation matrix (matrix.py), generated from the URL configuration so that
a new admin URL that can be neither filled nor is listed in SKIPPED fails here
by name.

Each pattern's converters are filled with objects of the matrix's world (the
Benin country page for page ids, a real object of the route's model for other
ids), then:

  GET   anon           302 to a sign-in page, 403, 404 or 405
        member, expert never 200 (no admin access)
        focal_ke       never 200 on a URL naming a Benin page
        focal          200 on the views that work on its country's page
        every role     never 500
  POST  (empty body) anon, member and expert change no row and get nothing
        but a sign-in redirect, 403, 404 or 405.

What answers otherwise by design is listed with the reason
(NON_ADMIN_ANSWERS_BY_DESIGN, FOCAL_KE_MAY_READ, SERVER_ERROR_BY_DESIGN).

Set ADMIN_DISCOVER=1 to print what the site answers for every role.
"""

import io
import os
import re
import time
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import Resolver404, get_resolver, resolve
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site

from blog.models import FeedHarvest
from forum.models import Flag, ModerationLog

from .matrix import ROLES, outcome, walk

pytestmark = pytest.mark.shared_world("content", "people", spread=True)

# The GET sweep runs in parts, so that pytest-xdist's workers share it.
PARTS = 4

ADMIN_PREFIXES = ("admin/", "django-admin/")
SIGN_IN_PAGES = ("/accounts/login/", "/admin/login/", "/django-admin/login/")
NO_ADMIN_ACCESS = ("anon", "member", "expert")

# Patterns not requested, with the reason. A pattern listed here that can be
# filled after all fails the coverage test, so the list stays true.
SKIPPED = {
    "admin/settings/<slug:app_name>/<slug:model_name>/": "no settings model is "
    "registered (wagtail.contrib.settings); the view has nothing to edit",
    "admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/": "no settings "
    "model is registered (wagtail.contrib.settings)",
    "admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/preview/": "no "
    "settings model is registered (wagtail.contrib.settings)",
}

# Whole URLs for patterns whose regular expressions have no single value.
WHOLE = {
    "admin/pages/^(?P<pk>\\d+)/revisions/compare/(?P<revision_id_a>live|earliest|"
    "\\d+)\\.\\.\\.(?P<revision_id_b>live|latest|\\d+)/$": lambda w: (
        f"admin/pages/{w.benin.pk}/revisions/compare/earliest...latest/"
    ),
    "admin/^.*/$": lambda w: "admin/no-such-view/",
    "django-admin/^(?P<app_label>wagtaildocs|wagtailimages|taggit|"
    "django_tasks_database|account|mfa|auth)/$": lambda w: "django-admin/auth/",
    "django-admin/(?P<url>.*)$": lambda w: "django-admin/no-such-view/",
}

# Query strings some views need to act on something.
QUERY = {
    "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/": lambda w: (
        f"?id={w.benin.pk}"
    ),
    "admin/choose-page/chosen-multiple/": lambda w: f"?id={w.benin.pk}",
}

# Converters whose value depends on the route: (route prefix, value), the
# longest prefix first.
APP_MODEL = [
    ("admin/bulk/", ("wagtailcore", "page")),
    ("admin/pages/", ("blog", "blogpostpage")),
    ("admin/tag-autocomplete/", ("taggit", "tag")),
    ("admin/workflows/tasks/add/", ("wagtailcore", "groupapprovaltask")),
    ("admin/editing-sessions/", ("wagtailcore", "page")),
    ("admin/translation/submit/snippet/", ("community", "subject")),
]
PAGE_KEYS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk"}


def model_pk(w, model) -> str:
    obj = model._default_manager.order_by("pk").first()
    return str(obj.pk) if obj is not None else "1"


def pk_for(route: str, w) -> str | None:
    """A real object of the route's model."""
    if route.startswith("admin/api/main/^pages/"):
        return str(w.benin.pk)
    snippet = re.match(r"admin/snippets/(?:choose/)?(\w+)/(\w+)/", route)
    if snippet:
        return model_pk(w, apps.get_model(*snippet.groups()))
    for prefix, value in (
        ("admin/api/main/^documents/", lambda: w.document.pk),
        ("admin/api/main/^images/", lambda: w.image.pk),
        ("admin/documents/chooser/", lambda: w.document.pk),
        ("admin/images/chooser/", lambda: w.image.pk),
        ("admin/collections/", lambda: w.collection.pk),
        ("admin/workflows/tasks/", lambda: w.task.pk),
        ("admin/workflows/", lambda: w.workflow.pk),
        ("admin/sites/", lambda: Site.objects.get(is_default_site=True).pk),
        ("admin/users/", lambda: w.owner.pk),
        ("admin/groups/", lambda: w.benin.focal_point_group_id),
        ("admin/locales/", lambda: Locale.objects.get(language_code="en").pk),
        (
            "admin/translation/submit/snippet/",
            lambda: model_pk(w, apps.get_model("community", "subject")),
        ),
    ):
        if route.startswith(prefix):
            return str(value())
    return None


def value_for(name: str, route: str, w) -> str | None:
    if name in PAGE_KEYS:
        return str(w.benin.pk)
    if name in ("app_label", "model_name", "app_name"):
        for prefix, pair in APP_MODEL:
            if route.startswith(prefix):
                return pair[0 if name in ("app_label", "app_name") else 1]
        if route.startswith("admin/settings/") and settings_registry:
            model = settings_registry[0]
            meta = model._meta
            return meta.app_label if name == "app_name" else meta.model_name
        return None
    if name in ("content_type_app_name", "content_type_model_name"):
        return "blog" if name == "content_type_app_name" else "blogpostpage"
    if name == "pk":
        return pk_for(route, w)
    if name == "object_id":
        if route.startswith("admin/editing-sessions/"):
            return str(w.benin.pk)
        if route.startswith("django-admin/r/"):
            return str(w.benin.pk)
        admin_model = re.match(r"django-admin/(\w+)/(\w+)/", route)
        if admin_model:
            return model_pk(w, apps.get_model(*admin_model.groups()))
        return None
    simple = {
        "destination_id": lambda: w.network.asia.pk,
        "revision_id": lambda: w.revision.pk,
        "task_state_id": lambda: w.task_state.pk,
        "workflow_state_id": lambda: w.workflow_state.pk,
        "task_id": lambda: w.task.pk,
        "workflow_pk": lambda: w.workflow.pk,
        "collection_id": lambda: w.collection.pk,
        "redirect_id": lambda: w.redirect.pk,
        "document_id": lambda: w.document.pk,
        "doc_id": lambda: w.document.pk,
        "image_id": lambda: w.image.pk,
        "uploaded_file_id": lambda: 1,
        "session_id": lambda: 1,
        "filter_spec": lambda: "fill-10x10",
        "uidb64": lambda: "MQ",
        "token": lambda: "set-password",
        "content_type_id": lambda: ContentType.objects.get_for_model(Page).pk,
        "action": lambda: "delete",
    }
    if name == "action_name":
        return "approve" if "workflow" in route else "copy"
    if name in simple:
        return str(simple[name]())
    return None


CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")


def fill(route: str, w) -> tuple[str, bool] | None:
    """The URL (without the leading slash) for `route`, and whether it names
    the Benin page; None when a converter has no value here."""
    if route in WHOLE:
        url = WHOLE[route](w)
        names_benin = str(w.benin.pk) in url.split("/")
    else:
        names = CONVERTER.findall(route)
        values = {name: value_for(name, route, w) for name in names}
        if any(value is None for value in values.values()):
            return None
        url = CONVERTER.sub(lambda m: values[m.group(1)], route).replace("^", "")
        if "(" in url or "\\" in url or "$" in url:
            return None
        names_benin = any(name in PAGE_KEYS for name in names) or (
            route.startswith(("admin/api/main/^pages/", "admin/editing-sessions/"))
            and bool({"pk", "object_id"} & set(names))
        )
    if route in QUERY:
        url += QUERY[route](w)
        names_benin = names_benin or str(w.benin.pk) in url
    return url, names_benin


def admin_routes() -> list[tuple[str, str | None]]:
    return [
        (route, name)
        for route, name in walk(get_resolver().url_patterns)
        if route.startswith(ADMIN_PREFIXES)
    ]


def dry_world() -> SimpleNamespace:
    """Stand-ins with a pk, to see which patterns can be filled."""
    thing = SimpleNamespace(pk=7, focal_point_group_id=7)
    return SimpleNamespace(
        benin=thing,
        network=SimpleNamespace(asia=thing),
        **dict.fromkeys(
            "revision task_state workflow_state task workflow collection "
            "redirect document image owner".split(),
            thing,
        ),
    )


@pytest.mark.django_db
def test_every_admin_url_is_filled_or_skipped_with_a_reason():
    w = dry_world()
    routes = admin_routes()
    unfilled = sorted(
        route for route, _name in routes if route not in SKIPPED and not fill(route, w)
    )
    assert not unfilled, (
        "These admin URL patterns cannot be filled: give their converters a "
        "value in tests/security/test_admin_authorisation.py, or list them in "
        "SKIPPED with the reason:\n  " + "\n  ".join(unfilled)
    )
    all_routes = {route for route, _name in routes}
    stale = sorted(
        route for route in SKIPPED if route not in all_routes or fill(route, w)
    )
    assert not stale, f"SKIPPED lists patterns that are gone or fillable: {stale}"
    listed = {
        *NON_ADMIN_ANSWERS_BY_DESIGN,
        *SERVER_ERROR_BY_DESIGN,
        *FOCAL_KE_MAY_READ,
    }
    assert sorted(listed - all_routes) == []
    assert sorted(FOCAL_REACHES - {name for _route, name in routes}) == []
    assert len(routes) >= 300


@pytest.fixture
def admin_world(world, people):
    """The matrix's world, with one object of each kind the admin lists."""
    w = world
    benin = w.benin
    w.network = w.content.network
    revision = benin.specific.save_revision(user=people.focal_benin)
    workflow = benin.get_workflow()
    workflow_state = workflow.start(benin, people.editor_benin)
    task_state = workflow_state.current_task_state
    root = Collection.get_first_root_node()
    collection = root.add_child(instance=Collection(name="Benin"))
    png = io.BytesIO()
    PILImage.new("RGB", (1, 1)).save(png, "PNG")
    image = Image.objects.create(
        title="Map", file=ContentFile(png.getvalue(), name="map.png"), width=1, height=1
    )
    FeedHarvest.objects.get_or_create(country=benin)
    Flag.objects.create(post=w.post, reporter=people.member, reason="spam")
    ModerationLog.objects.create(
        moderator=people.moderator, action="hide", post=w.post, member=w.owner
    )
    return SimpleNamespace(
        **vars(w),
        revision=revision,
        workflow=workflow,
        workflow_state=workflow_state,
        task_state=task_state,
        task=task_state.task,
        collection=collection,
        image=image,
        redirect=Redirect.objects.create(old_path="/old", redirect_link="/"),
    )


def is_sign_in(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        SIGN_IN_PAGES
    )


class Clients:
    """One test client per role, signed in once; signed in again after a
    request that ended its session (a log-out view)."""

    def __init__(self, roles):
        self.roles = roles
        self.clients = {}
        for role, user in roles.items():
            client = Client(raise_request_exception=False)
            if user is not None:
                client.force_login(user)
            self.clients[role] = client

    def request(self, role, method, url, data=""):
        client = self.clients[role]
        response = client.generic(
            method, url, data=data, content_type="application/x-www-form-urlencoded"
        )
        user = self.roles[role]
        if user is not None and "_auth_user_id" not in client.session:
            client.force_login(user)
        elif user is None and client.cookies:
            client.cookies.clear()
        return response


def describe(response) -> str:
    code = outcome(response)
    if code == "R":
        code += " " + response["Location"][:60]
    if getattr(response, "exc_info", None):
        code += f" {response.exc_info[1]!r}"[:200]
    return code


def targets(w):
    """(route, name, url, names_benin) for every pattern not SKIPPED."""
    for route, name in admin_routes():
        if route in SKIPPED:
            continue
        filled = fill(route, w)
        assert filled, route
        url, names_benin = filled
        yield route, name, "/" + url, names_benin


def resolves_to(url, route) -> bool:
    try:
        match = resolve(url.split("?")[0])
    except Resolver404:
        return False
    return match.route == route.replace("^", "")


# Admin URLs that answer those without admin access, and why that is no
# breach (GET and POST).
NON_ADMIN_ANSWERS_BY_DESIGN = {
    "admin/sprite/": "the admin's SVG icon sprite: a static asset, no data",
    "admin/jsi18n/": "the admin's JavaScript translation catalogue: a static "
    "asset, no data",
    "django-admin/logout/": "Django's admin sends whoever is not staff from its "
    "log-out URL to its index, which sends them to sign in",
}
SERVER_ERROR_BY_DESIGN = {
    "admin/failwhale/": "Wagtail's deliberate error view (wagtailadmin_error_test) "
    "raises for whoever may use the admin, to test error reporting",
}
# Benin URLs that answer Kenya's focal point, and why that is no breach.
FOCAL_KE_MAY_READ = {
    "admin/choose-page/<int:parent_page_id>/": "the page chooser, for links: "
    "it lists only published pages (public titles) and the user's own "
    "countries' pages, never another country's drafts "
    "(test_admin_page_titles.py)",
    "admin/choose-page/chosen-multiple/": "the page chooser's answer (title and "
    "address of the chosen pages), for links",
    "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/": "the bulk "
    "action's confirmation lists the page under those the user may not act "
    "on, by its published title only, a draft by no title "
    "(test_admin_page_titles.py); the POST leaves it alone "
    "(test_kenya_cannot_act_on_benin_by_post)",
    "admin/pages/workflow/confirm_cancellation/<int:page_id>/": "a read-only "
    "modal saying whether publishing would cancel the page's workflow; "
    "publishing itself is checked",
}
# Benin's own focal point works on its pages: these answer 200.
FOCAL_REACHES = {
    "wagtailadmin_pages:edit",
    "wagtailadmin_pages:add_subpage",
    "wagtailadmin_pages:add",
    "wagtailadmin_pages:copy",
    "wagtailadmin_pages:move",
    "wagtailadmin_pages:move_confirm",
    "wagtailadmin_pages:unpublish",
    "wagtailadmin_pages:set_privacy",
    "wagtailadmin_pages:history",
    "wagtailadmin_pages:revisions_view",
    "wagtailadmin_pages:revisions_compare",
    "wagtailadmin_pages:workflow_action",
}


def get_problem(role, route, name, names_benin, response) -> str | None:
    status = response.status_code
    if status >= 500:
        return None if route in SERVER_ERROR_BY_DESIGN else "server error"
    if route in NON_ADMIN_ANSWERS_BY_DESIGN:
        return None
    if role == "anon" and not (is_sign_in(response) or status in (403, 404, 405)):
        return "anonymous visitor not sent to sign in"
    if role in NO_ADMIN_ACCESS and status == 200:
        return "no admin access, yet 200"
    if names_benin and role == "focal_ke" and status == 200:
        return None if route in FOCAL_KE_MAY_READ else "Kenya acts on a Benin page"
    if role == "focal" and name in FOCAL_REACHES and status != 200:
        return "Benin's focal point cannot work on its page"
    return None


@pytest.mark.parametrize("part", range(PARTS))
def test_every_role_gets_what_it_should_from_every_admin_url(admin_world, part):
    """GET a quarter of the admin URLs as every role (the four parts make ~2800
    requests), listing every wrong answer at once."""
    w = admin_world
    clients = Clients(w.roles)
    discover = os.environ.get("ADMIN_DISCOVER")
    wrong, count, started = [], 0, time.monotonic()
    for number, (route, name, url, names_benin) in enumerate(targets(w)):
        if number % PARTS != part:
            continue
        if not resolves_to(url, route):
            wrong.append(f"{url} does not resolve to {route!r}")
            continue
        got = []
        for role in ROLES:
            response = clients.request(role, "GET", url)
            count += 1
            got.append(describe(response))
            problem = get_problem(role, route, name, names_benin, response)
            if problem:
                wrong.append(f"GET {url} as {role}: {got[-1]} ({problem})")
        if discover:
            print(f"DISCOVER {name or '-'} | {url} | benin={names_benin} | {got}")
    print(f"{count} GET requests in {time.monotonic() - started:.0f}s")
    assert not wrong, f"{len(wrong)} wrong answers:\n" + "\n".join(wrong)


def row_counts() -> dict:
    return {
        model.__name__: model._default_manager.count()
        for model in (Page, Document, Image, get_user_model(), Group, Collection)
    }


def test_posts_without_admin_access_change_nothing(admin_world):
    """An empty POST to every admin URL as anon, member and expert (~1050
    requests): no row of pages, documents, images, users, groups or
    collections changes, and no answer but a sign-in redirect or a refusal."""
    w = admin_world
    clients = Clients({role: w.roles[role] for role in NO_ADMIN_ACCESS})
    discover = os.environ.get("ADMIN_DISCOVER")
    before = row_counts()
    wrong, count, started = [], 0, time.monotonic()
    for route, name, url, _names_benin in targets(w):
        got = []
        for role in NO_ADMIN_ACCESS:
            response = clients.request(role, "POST", url)
            count += 1
            got.append(describe(response))
            status = response.status_code
            after = row_counts()
            if after != before:
                changed = {
                    k: (before[k], after[k]) for k in before if before[k] != after[k]
                }
                wrong.append(f"POST {url} as {role}: {got[-1]} changed {changed}")
                before = after
            elif route in NON_ADMIN_ANSWERS_BY_DESIGN:
                pass
            elif not (is_sign_in(response) or status in (403, 404, 405)):
                wrong.append(f"POST {url} as {role}: {got[-1]}")
        if discover:
            print(f"DISCOVER POST {name or '-'} | {url} | {got}")
    print(f"{count} POST requests in {time.monotonic() - started:.0f}s")
    assert not wrong, f"{len(wrong)} wrong answers:\n" + "\n".join(wrong)


def test_kenya_cannot_act_on_benin_by_post(admin_world):
    """Kenya's focal point posts the forms of the Benin URLs it may open (the
    bulk action's confirmation) and of those it may not: Benin's page stays
    where it is, live, unlocked, with its revision."""
    w = admin_world
    pk = w.benin.pk
    clients = Clients({"focal_ke": w.roles["focal_ke"]})
    pages = Page.objects.count()
    answers = {}
    for url, data in (
        (f"/admin/bulk/wagtailcore/page/delete/?id={pk}", ""),
        (f"/admin/bulk/wagtailcore/page/unpublish/?id={pk}", ""),
        (f"/admin/pages/{pk}/move/{w.network.asia.pk}/confirm/", ""),
        (f"/admin/pages/{pk}/delete/", ""),
        (f"/admin/pages/{pk}/unpublish/", ""),
        (f"/admin/pages/{pk}/lock/", ""),
        (f"/admin/pages/{pk}/edit/", "title=Taken&slug=benin"),
    ):
        answers[url] = describe(clients.request("focal_ke", "POST", url, data))
    benin = Page.objects.get(pk=pk)
    assert (
        benin.get_parent().pk,
        benin.live,
        benin.locked,
        benin.title,
        benin.latest_revision_id,
        Page.objects.count(),
    ) == (w.network.africa.pk, True, False, "Benin", w.revision.pk, pages), answers
    assert not [url for url, got in answers.items() if got.startswith("5")], answers


def test_the_move_confirmation_answers_only_who_may_move(client, network, people):
    """Wagtail checks the move when it is posted; community/wagtail_hooks.py
    checks the confirmation page too."""
    url = f"/admin/pages/{network.benin.pk}/move/{network.asia.pk}/confirm/"
    answers = {}
    for role, user in (
        ("focal", people.focal_benin),
        ("focal_ke", people.focal_kenya),
        ("editor", people.editor_benin),
        ("mod", people.moderator),
        ("staff", people.staff),
    ):
        client.force_login(user)
        answers[role] = outcome(client.get(url))
    assert answers == {
        "focal": "200",
        "focal_ke": "R",
        "editor": "R",
        "mod": "R",
        "staff": "200",
    }


def test_passwords_are_reset_only_through_the_rate_limited_form(client, people):
    """Wagtail's own reset form mailed a link on every anonymous request, past
    the limits on allauth's form; it is turned off."""
    from django.core import mail

    answers = {
        client.post(
            "/admin/password_reset/", {"email": people.member.email}
        ).status_code
        for _ in range(3)
    }
    assert answers == {404}
    assert mail.outbox == []
    assert (
        client.get("/admin/password_reset/confirm/MQ/set-password/").status_code == 404
    )

"""Property tests: whatever arrives in a query string or a form, the site
answers without a server error, and a refused form leaves no row behind.

Routes are read from the URL configuration (plus the forum's routable page),
so a new view is fuzzed, or has to be listed as skipped, as soon as it exists.

Every test runs for an anonymous visitor, an ordinary member and the
secretariat: staff sees everything, but the refusals, the querysets cut down
to what a role may see, the rate limits and the "not yours" branches are only
taken by the others.
"""

import re
from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.cache import cache
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from taggit.models import Tag

from forum.models import Post

from ..factories import UserFactory

# Every parameter and form field name the project's views read.
FIELD_NAMES = sorted(
    set(
        "audience authors availability body colour contact_email contact_name country "
        "date_from date_to deadline deep description email_frequency expertise file "
        "file_language file_title format forum free_tags kind lang language languages "
        "lessons_learned level library licence limit link_url max_level message "
        "min_level note offer offset order organisation outcome page problem "
        "provider_kind publication_date publisher q quote reason region regions "
        "reply_to scope since sort start_date status subject subjects summary tag "
        "tags text title type u until verified version display_name position bio "
        "preferred_language listed_in_directory fields search".split()
    )
)

# Routes left out, and why.
SKIPPED_PREFIXES = (
    "admin/",  # Wagtail's admin: its own project, its own tests
    "django-admin/",
    "documents/",  # Wagtail documents
    "accounts/",  # allauth
    "jsi18n/",
    "i18n/setlang/",
    "_util/",
    "healthz",
)
SKIPPED_NAMES = {"wagtail_serve", "wagtailcore_serve"}

BIG = 10**30


def _text():
    # Any code point, surrogates and NUL included (sent as the bytes a
    # browser would send: invalid UTF-8 for lone surrogates).
    return st.one_of(
        st.text(st.characters(codec=None), max_size=40),
        st.text(st.characters(categories=["Cc", "Cs", "Zs"]), max_size=10),
        st.sampled_from(["", " ", "\x00", "x" * 70_000, "../../etc/passwd", "%"]),
    )


def _integer():
    return st.one_of(
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.sampled_from(["0", "-1", str(BIG), "1e9", "NaN", "1.5", "0x10", "٣"]),
    )


def _date():
    return st.one_of(
        st.dates().map(lambda d: d.isoformat()),
        st.sampled_from(["2026-02-30", "0000-01-01", "9999-12-31", "yesterday"]),
    )


VALUE = st.one_of(_text(), _integer(), _date())
PARAMS = st.dictionaries(
    st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8)),
    st.one_of(VALUE, st.lists(VALUE, min_size=2, max_size=3)),
    max_size=6,
)


def encode(params: dict) -> str:
    pairs = []
    for key, value in params.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append(
                quote(key.encode("utf-8", "surrogatepass"), safe="")
                + "="
                + quote(item.encode("utf-8", "surrogatepass"), safe="")
            )
    return "&".join(pairs)


def walk(patterns, prefix=""):
    for entry in patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            yield prefix + route, entry.name


def project_routes() -> list[tuple[str, str]]:
    routes = []
    for route, name in walk(get_resolver().url_patterns):
        route = route.replace("^", "").replace("\\Z", "").replace("$", "")
        if route.startswith(SKIPPED_PREFIXES) or name in SKIPPED_NAMES:
            continue
        if route.startswith("api/v2/") and "<" not in route and name is None:
            continue
        routes.append((route, name or ""))
    return routes


# Actions that would take the fuzzed topic or post away from the next examples
# (they take no free text; the forum's own tests cover them).
DESTRUCTIVE_ACTIONS = {"delete", "hide", "move"}


def forum_routes() -> list[str]:
    """The forum index's routable sub-pages, each `<str:action>` expanded to
    every action the views accept."""
    from forum.models import ForumIndexPage
    from forum.views.posts import POST_ACTIONS
    from forum.views.topics import TOPIC_ACTIONS

    routes = []
    for pattern in ForumIndexPage.get_subpage_urls():
        route = "forums/" + str(pattern.pattern)
        if "<str:action>" in route:
            actions = (
                POST_ACTIONS if route.startswith("forums/post/") else TOPIC_ACTIONS
            )
            routes += [
                route.replace("<str:action>", action)
                for action in sorted(actions - DESTRUCTIVE_ACTIONS)
            ]
        else:
            routes.append(route)
    return sorted(set(routes))


CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


PROJECT_APPS = (
    "community", "blog", "forum", "toolkits", "messaging", "cooperation",
    "notifications", "tagging", "interop", "home", "search", "translations",
    "taggit",
)  # fmt: skip


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for app in PROJECT_APPS
        if apps.is_installed(app) or app in {a.label for a in apps.get_app_configs()}
        for model in apps.get_app_config(app).get_models()
        if not model._meta.proxy
    }


@pytest.fixture
def arguments(network, forums, people, subjects):
    """Real rows for the routes' arguments, so the fuzzed input reaches the
    forms rather than a 404."""
    from cooperation.offering import OfferDraft, create_offer
    from cooperation.requesting import RequestDraft, create_request
    from tests.factories import make_topic

    author = UserFactory(date_joined=timezone.now() - timedelta(days=60))
    topic = make_topic(forums.public, author, replies=1)
    post = Post.objects.filter(topic=topic).first()
    Tag.objects.get_or_create(name="Forest", slug="forest")
    coop = create_request(
        people.focal_benin,
        RequestDraft(
            title="Mapping",
            problem="Maps.",
            country=network.benin,
            contact_name="A",
            contact_email="a@example.org",
            assistance_types=["technical"],
            subjects=[subjects.forest],
            languages=["fr"],
            deadline=timezone.localdate() + timedelta(days=60),
        ),
    )
    offer = create_offer(
        people.focal_benin,
        OfferDraft(
            title="Help",
            description="Help.",
            assistance_types=["technical"],
            subjects=[subjects.forest],
            languages=["fr"],
        ),
    )
    by_name = {
        "forum_slug": "forest",
        "slug": "forest",
        "topic_id": topic.pk,
        "topic_slug": topic.slug,
        "post_id": post.pk,
        "page_id": network.home.pk,
        "flag_id": 1,
        "username": "member",
        "iso": "bj",
        "kind": "news",
        "schema": "toolkit",
        "token": "not-a-token",
        "filename": "guide.pdf",
        "pk": coop.pk,
        "offer_pk": offer.pk,
    }
    return by_name


def fill(route: str, values: dict, me: str = "secretariat") -> str | None:
    if route.startswith("members/") and route.endswith("/edit/"):
        values = {**values, "username": me}  # one's own profile
    elif values.get("username") == me:
        values = {**values, "username": "focal.benin"}  # someone else
    if "regions/" in route:
        values = {**values, "slug": "africa"}

    def one(match):
        kind, name = match.group(1) or "str", match.group(2)
        if name in values:
            return str(values[name])
        return "1" if kind == "int" else "x"

    return "/" + CONVERTER.sub(one, route)


def all_routes(values, me: str = "secretariat") -> list[str]:
    urls = [fill(route, values, me) for route, _name in project_routes()]
    urls += [fill(route, values, me) for route in forum_routes()]
    return sorted(set(urls))


def test_every_project_route_is_fuzzed_or_skipped_on_purpose(db):
    routes = project_routes()
    names = {name for _route, name in routes}
    # The pages members use most: if one of these went missing from the
    # enumeration, the fuzzing would silently cover less.
    for expected in ("search", "suggest", "dashboard", "requests", "offers", "tag"):
        assert expected in names, expected
    assert len(routes) > 40
    assert "forums/<slug:forum_slug>/new/" in forum_routes()


ROLES = ("anonymous", "member", "staff")
by_role = pytest.mark.parametrize("role", ROLES)


def client_for(role: str, people) -> Client:
    """A client signed in as `people.<role>`, or signed out for "anonymous"."""
    client = Client(raise_request_exception=False)
    if role != "anonymous":
        client.force_login(getattr(people, role))
    return client


def own_username(role: str, people) -> str:
    """Whose profile the role's routes edit: its own (anyone's for anonymous)."""
    return getattr(people, role).username if role != "anonymous" else "secretariat"


def role_seed(role: str) -> int:
    # derandomize alone would give every role the same examples: each role
    # gets its own fixed seed, so the roles see different inputs and the run
    # stays reproducible.
    return 7919 * (ROLES.index(role) + 1)


def refused(response) -> bool:
    """The view turned the request down: an error status, a form shown again
    with errors, or a redirect to the sign-in page."""
    if response.status_code >= 400:
        return True
    if response.status_code == 200:
        return b"errorlist" in response.content
    return response.status_code in (301, 302, 303) and response.get(
        "Location", ""
    ).startswith(resolve_url(django_settings.LOGIN_URL))


# Examples per role; with three roles the totals stay close to the single
# staff pass this replaced (10 query strings, 10 bodies, 40 mutations).
FUZZ = settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@by_role
def test_no_query_string_makes_any_page_fail(arguments, people, role):
    client = client_for(role, people)
    urls = all_routes(arguments, own_username(role, people))

    @FUZZ
    @seed(role_seed(role))
    @given(params=PARAMS)
    def check(params):
        query = encode(params)
        for url in urls:
            cache.clear()
            response = client.get(f"{url}?{query}")
            assert response.status_code < 500, (role, url, query[:300])

    check()


class _FormReader(HTMLParser):
    """The fields of a page's POST forms, each with a plausible valid value."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "method": (a.get("method") or "get").lower(),
                    "action": a.get("action") or "",
                    "fields": {},
                }
            )
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = a.get("name")
        if tag == "input" and name and name != "csrfmiddlewaretoken":
            kind = (a.get("type") or "text").lower()
            if kind in {"checkbox", "radio"}:
                if "checked" in a or name not in fields:
                    fields[name] = a.get("value") or "on"
            elif kind == "email":
                fields[name] = "fuzz@example.org"
            elif kind == "date":
                fields[name] = (timezone.localdate() + timedelta(days=90)).isoformat()
            elif kind == "number":
                fields[name] = a.get("min") or "1"
            elif kind == "url":
                fields[name] = "https://example.org/"
            elif kind not in {"submit", "file", "button"}:
                fields[name] = a.get("value") or "Fuzzed words"
        elif tag == "textarea" and name:
            fields[name] = "Several fuzzed words for a body."
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and a.get("value"):
            fields.setdefault(self._select, a["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def baseline_forms(client, urls) -> dict[str, dict]:
    """For each URL whose page holds a POST form posting back to it, a valid
    looking set of fields: the fuzzer then breaks one or two of them, which
    reaches the deep validation and the writes."""
    found = {}
    for url in urls:
        response = client.get(url)
        if response.status_code != 200 or b"<form" not in response.content:
            continue
        reader = _FormReader()
        reader.feed(response.content.decode(errors="replace"))
        for form in reader.forms:
            if form["method"] == "post" and form["action"] in ("", url):
                found[url] = form["fields"]
    return found


@by_role
def test_no_form_makes_a_post_fail_or_half_save(arguments, people, role):
    client = client_for(role, people)
    urls = all_routes(arguments, own_username(role, people))

    @FUZZ
    @seed(role_seed(role))
    @given(params=PARAMS)
    def check(params):
        body = encode(params)
        for url in urls:
            cache.clear()
            before = row_counts()
            response = client.post(
                url, body, content_type="application/x-www-form-urlencoded"
            )
            assert response.status_code < 500, (role, url, body[:300])
            if refused(response):
                assert row_counts() == before, (
                    role,
                    url,
                    response.status_code,
                    body[:300],
                )

    check()


@by_role
def test_valid_forms_with_one_or_two_fields_broken_never_fail_or_half_save(
    arguments, people, role
):
    """The forms are those staff is shown (every form there is), plus those
    the role is shown on its own routes (its own profile, a conversation with
    someone else): the role posts all of them, so a member sends valid looking
    bodies to forms that are not theirs, and an anonymous visitor to all."""
    client = client_for(role, people)
    forms = baseline_forms(client_for("staff", people), all_routes(arguments))
    # The main forms are found, so the mutations reach them.
    for expected in ("/new/", "/reply/", "/messages/with/", "/edit/", "/propose/"):
        assert any(expected in url for url in forms), (expected, sorted(forms))
    if role != "staff":
        own = baseline_forms(client, all_routes(arguments, own_username(role, people)))
        if role == "member":
            # A member's own forms are reached too, not only refusals.
            for expected in ("/new/", "/reply/", "/messages/with/", "/edit/"):
                assert any(expected in url for url in own), (expected, sorted(own))
        forms = {**forms, **own}

    @settings(FUZZ, max_examples=14)
    @seed(role_seed(role))
    @given(
        changes=st.dictionaries(
            st.sampled_from(sorted({k for f in forms.values() for k in f})),
            st.one_of(st.none(), VALUE, st.lists(VALUE, min_size=2, max_size=3)),
            min_size=1,
            max_size=2,
        )
    )
    def check(changes):
        for url, fields in forms.items():
            data = {**fields}
            for key, value in changes.items():
                if value is None:
                    data.pop(key, None)  # a missing field
                else:
                    data[key] = value
            cache.clear()
            before = row_counts()
            response = client.post(
                url, encode(data), content_type="application/x-www-form-urlencoded"
            )
            assert response.status_code < 500, (role, url, data)
            if refused(response):
                assert row_counts() == before, (role, url, response.status_code, data)

    check()


@by_role
def test_out_of_range_numbers_in_paths_are_not_found_not_errors(
    arguments, people, role
):
    """Path converters take any digits: one past the database's integers must
    give a 404, not an overflow."""
    client = client_for(role, people)
    huge = {k: 10**25 if isinstance(v, int) else v for k, v in arguments.items()}
    urls = [
        url
        for url in all_routes(huge, own_username(role, people))
        if str(10**25) in url
    ]
    assert len(urls) > 20
    for url in urls:
        for response in (client.get(url), client.post(url, {"title": "x"})):
            assert response.status_code < 500, (role, url)

"""Members' pages: rendered once per audience, personalised on every request.

Signed-in members mostly see what every member of their kind sees: the same
topic, country page or library, with the same moderation tools if they
moderate. What is theirs alone is small: the bell's count, their name in the
header, a follow toggle's state, their likes, the edit links on their own
posts, the composer's countdown, the CSRF token of each form.

So a page is rendered in two layers:

- **Personal parts** are marked in the templates with `{% personal "name" arg %}`
  (core/templatetags/personal_tags.py), and `{% csrf_token %}` is one too.
  While a member's request is answered, the tag writes a sealed marker
  instead of the part, and this module's middleware fills every marker
  before the response leaves: the app that owns the part registered a
  *filler* (`register_filler`) that answers all the markers of that name in
  the page at once, with a query or two whatever their number.
- **The rest is shared** by the page's *audience*: the member's language and
  everything that decides what they may see (staff and superuser flags,
  groups and permissions, the moderator role, suspension...), which the
  floors register as *audience parts* (`register_audience_part`). A view that
  has put every personal part of its page in markers says so with
  `share(request)`, and the page is kept in the shared cache under its
  address, its language and the audience's digest. The next member of the
  same audience is served the stored page, filled for them, without the view.

Freshness is the anonymous page cache's: the key holds the content version
(core/content_writes.py), bumped by every write to content, so a reply or a
like is in the shared layer at the next request, and the personal layer is
read afresh on every request. What a view does besides rendering (marking a
topic read) is registered as an *effect* (`register_effect`, `on_view`) and
run again on every hit.

A member may see what others of their audience do not, such as their own
post while it waits for a moderator: an audience part answers None for them
and their pages are rendered in full, never stored. Whatever is not marked
personal must be the same for the whole audience; tests/member_pages check it
page by page, member against member.

Each process also keeps the stored pages and parts it last served, under
the same key and content version (core/versioned.py), so a page a process
has served is served again without the shared cache: one read of the
content version is all the cache sees of it.

Never shared: anything but a GET, htmx's in-page requests, a request with
messages waiting, responses other than a 200 HTML page, responses that set a
cookie or say no-store, and pages whose view did not call `share()`.
"""

import functools
import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.session import SessionStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.crypto import salted_hmac

from .content_writes import content_version
from .versioned import MISSING, Remembered, request_content_version

logger = logging.getLogger(__name__)

# (request, the arguments of every marker of this name in the page) ->
# {argument: HTML}; an argument left out is filled with nothing.
Filler = Callable[[HttpRequest, list[str]], dict[str, str]]
# (user) -> a short string, or None when this member's pages are their own.
AudiencePart = Callable[[object], str | None]
Effect = Callable[..., None]

_fillers: dict[str, Filler] = {}
_audience_parts: dict[str, AudiencePart] = {}
_effects: dict[str, Effect] = {}

NAME = r"[a-z][a-z0-9_.]*"
ARGUMENT = r"[A-Za-z0-9_.:-]*"
CSRF_SLOT = "csrf"
MARKER_START = b"<!--chm:"
RESPONSE_HEADER = "X-Page-Cache"
# Headers the stored page keeps; the middleware outside this one (sessions,
# CSRF, CSP, security) adds its own to every answer, hit or miss.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link", "Cache-Control")


def register_filler(name: str, filler: Filler) -> None:
    if not re.fullmatch(NAME, name):
        raise ValueError(f"not a personal part's name: {name!r}")
    _fillers[name] = filler


def register_audience_part(name: str, part: AudiencePart) -> None:
    _audience_parts[name] = part


def register_effect(name: str, effect: Effect) -> None:
    _effects[name] = effect


def fillers() -> dict[str, Filler]:
    return dict(_fillers)


# The seal: markers carry a digest of the secret key, so no text a member
# writes (and the sanitiser lets through) can pass for one.
@functools.cache
def seal() -> str:
    return salted_hmac("core.member_pages", "marker").hexdigest()[:16]


@functools.cache
def marker_pattern() -> re.Pattern:
    return re.compile(rf"<!--chm:{seal()}:(?P<name>{NAME}):(?P<arg>{ARGUMENT})-->")


def marker(name: str, arg: object = "") -> str:
    """The placeholder a personal part leaves in the page."""
    text = str(arg)
    if not re.fullmatch(ARGUMENT, text):
        raise ValueError(f"not a personal part's argument: {text!r}")
    return f"<!--chm:{seal()}:{name}:{text}-->"


def marking(request) -> bool:
    """Whether personal parts are written as markers for this request (a
    member's, answered through the middleware)."""
    return getattr(request, "_personal_markers", False)


@dataclass
class Sharing:
    """What the view said about its page: shared or not, and the effects to
    run again on every hit."""

    shared: bool = False
    effects: list[tuple[str, tuple]] = field(default_factory=list)


def share(request) -> None:
    """The view's page holds nothing personal outside markers: members of
    the same audience may be served it."""
    sharing = getattr(request, "_sharing", None)
    if sharing is not None:
        sharing.shared = True


def on_view(request, name: str, *args) -> None:
    """Run the effect `name` now and again whenever the page is served from
    the shared cache. Its arguments are stored with the page (ids, numbers)."""
    _effects[name](request, *args)
    sharing = getattr(request, "_sharing", None)
    if sharing is not None:
        sharing.effects.append((name, args))


def audience(user) -> str | None:
    """The digest of what decides what this member may see, or None when
    their pages are their own (never shared)."""
    parts = [f"{int(user.is_staff)}{int(user.is_superuser)}{int(user.is_active)}"]
    for name, part in sorted(_audience_parts.items()):
        value = part(user)
        if value is None:
            return None
        parts.append(f"{name}={value}")
    return hashlib.blake2b("|".join(parts).encode(), digest_size=12).hexdigest()


def fill(request, content: str) -> str:
    """Every marker of `content` replaced by its personal part for `request`."""
    pattern = marker_pattern()
    found: dict[str, list[str]] = {}
    for match in pattern.finditer(content):
        args = found.setdefault(match["name"], [])
        if match["arg"] not in args:
            args.append(match["arg"])
    if not found:
        return content
    values: dict[tuple[str, str], str] = {}
    # A filler's templates render their own personal parts in place.
    marked = marking(request)
    request._personal_markers = False
    try:
        for name, args in found.items():
            if name == CSRF_SLOT:
                answers = {"": csrf_token(request)}
            else:
                filler = _fillers.get(name)
                answers = filler(request, args) if filler else {}
            for arg in args:
                values[name, arg] = str(answers.get(arg, ""))
    finally:
        request._personal_markers = marked
    return pattern.sub(lambda m: values[m["name"], m["arg"]], content)


def csrf_token(request) -> str:
    """The CSRF token the personal parts of this response carry: one masked
    copy per response (as one template render gives), not one per part, each
    of which costs 32 reads of the system's random source."""
    token = getattr(request, "_member_page_csrf_token", None)
    if token is None:
        token = request._member_page_csrf_token = get_token(request)
    return token


def inline(request, name: str, arg: object = "") -> str:
    """One personal part rendered at once (outside a member's page: a
    fragment for htmx, a template rendered by a task)."""
    if name == CSRF_SLOT:
        return csrf_token(request)
    filler = _fillers.get(name)
    return str(filler(request, [str(arg)]).get(str(arg), "")) if filler else ""


def cached_parts(
    request,
    forms: dict[str, str],
    render: Callable[[list[str]], dict[str, str]],
) -> dict[str, str]:
    """Personal parts that take one of a few forms, each form rendered once.

    `forms` gives, for each argument, the form its part takes for this
    member (a like button pressed or not, on their own post or another's);
    `render(arguments)` renders the parts of the arguments given. A form is
    kept in the shared cache for the page's audience, language, host and
    content version, without its CSRF token, so the next member of the
    audience who sees it gets it without a template rendered. For a member
    whose pages are their own, everything is rendered for them."""
    prefix = getattr(request, "_part_prefix", None)
    if prefix is None:
        return render(list(forms))
    keys = {arg: f"member-part:{prefix}:{form}" for arg, form in forms.items()}
    found = {}
    for key in keys.values():
        kept = _kept_forms.peek(key)
        if kept is not MISSING:
            found[key] = kept
    wanted = [key for key in keys.values() if key not in found]
    if wanted:
        try:
            from_cache = cache.get_many(wanted)
        except Exception:  # noqa: BLE001 - without the cache, render them all
            from_cache = {}
        for key, html in from_cache.items():
            _kept_forms.keep(key, html)
        found.update(from_cache)
    missing = [arg for arg, key in keys.items() if key not in found]
    answers = render(missing) if missing else {}
    if answers:
        try:
            cache.set_many(
                {keys[arg]: _without_tokens(html) for arg, html in answers.items()},
                settings.CHM_MEMBER_PAGE_CACHE_SECONDS,
            )
        except Exception:  # noqa: BLE001
            logger.warning("personal parts not stored", exc_info=True)
    stored = {arg: found[key] for arg, key in keys.items() if key in found}
    if stored:
        token_marker = marker(CSRF_SLOT)
        token = csrf_token(request)
        answers.update(
            {arg: html.replace(token_marker, token) for arg, html in stored.items()}
        )
    return answers


_kept_parts = Remembered("core.member_pages.kept_parts")
# The stored pages and forms of parts this process last served (the module's
# docstring). A page is tens of kilobytes: a few hundred per process.
_kept_pages = Remembered("core.member_pages.pages", max_entries=500)
_kept_forms = Remembered("core.member_pages.forms")


def kept_part(request, key: tuple, render: Callable[[], str]) -> str:
    """A personal part rendered once per process and content version for
    `key` (everything it shows besides the language, the host and the CSRF
    token, which are added here): the header's links for a member with
    their count of unread notifications, a follow control at its level. The
    CSRF token is the requesting member's own. Outside a request, or with
    kept answers off, it is rendered every time (core/versioned.py)."""
    full_key = (*key, translation.get_language(), request.get_host())
    html = _kept_parts.get(full_key, lambda: _without_tokens(render()))
    token_marker = marker(CSRF_SLOT)
    if token_marker in html:
        html = html.replace(token_marker, csrf_token(request))
    return html


_CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')


def _without_tokens(content: str) -> str:
    """The stored copy carries no member's CSRF token: a marker instead."""
    return _CSRF_VALUE.sub(lambda m: m[1] + marker(CSRF_SLOT) + m[2], content)


def _messages_waiting(request) -> bool:
    session = getattr(request, "session", None)
    return CookieStorage.cookie_name in request.COOKIES or (
        session is not None and SessionStorage.session_key in session
    )


def _shareable_request(request) -> bool:
    return (
        settings.CHM_MEMBER_PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and "HX-Request" not in request.headers
        and not _messages_waiting(request)
    )


def _shareable_response(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and "no-store" not in cache_control
    )


def _html(response) -> bool:
    return (
        not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and response.has_header("Content-Type")
    )


class MemberPageMiddleware:
    """Fill the personal parts of members' pages, and serve and store the
    pages their views share (the last middleware: everything before it, from
    sessions to CSP, runs for a stored page as for a rendered one)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        request._personal_markers = True
        key = None
        if _shareable_request(request):
            try:
                group = audience(user)
            except Exception:  # noqa: BLE001 - render in full instead
                logger.warning("audience unknown", exc_info=True)
                group = None
            if group is not None:
                key = self._key(request, group)
                request._part_prefix = key.split("://", 1)[0]
        if key is not None:
            stored = _kept_pages.peek(key)
            if stored is MISSING:
                try:
                    stored = cache.get(key)
                except Exception:  # noqa: BLE001 - without the cache, render
                    logger.warning("member page cache unavailable", exc_info=True)
                    stored, key = None, None
                if stored is not None:
                    _kept_pages.keep(key, stored)
            if stored is not None:
                return self._serve(request, stored)
            request._sharing = Sharing()
        response = self.get_response(request)
        if not _html(response):
            return response
        sharing = getattr(request, "_sharing", None)
        storing = key and sharing and sharing.shared and _shareable_response(response)
        if not storing and MARKER_START not in response.content:
            return response  # nothing personal marked (an admin page...)
        content = response.content.decode(response.charset)
        if storing:
            self._store(key, response, _without_tokens(content), sharing)
            response[RESPONSE_HEADER] = "member-miss"
        response.content = fill(request, content)
        return response

    @staticmethod
    def _key(request, group: str) -> str:
        return (
            f"member-page:{request_content_version() or content_version()}:"
            f"{translation.get_language()}:"
            f"{group}:{request.get_host()}:{request.scheme}://{request.get_host()}"
            f"{request.get_full_path()}"
        )

    @staticmethod
    def _store(key: str, response, content: str, sharing: Sharing) -> None:
        stored = {
            "content": content,
            "headers": {
                name: response[name]
                for name in KEPT_HEADERS
                if response.has_header(name)
            },
            "effects": sharing.effects,
        }
        try:
            cache.set(key, stored, settings.CHM_MEMBER_PAGE_CACHE_SECONDS)
        except Exception:  # noqa: BLE001
            logger.warning("member page not stored", exc_info=True)

    @staticmethod
    def _serve(request, stored: dict) -> HttpResponse:
        for name, args in stored["effects"]:
            effect = _effects.get(name)
            if effect is not None:
                effect(request, *args)
        response = HttpResponse(fill(request, stored["content"]))
        for name, value in stored["headers"].items():
            response[name] = value
        response[RESPONSE_HEADER] = "member-hit"
        return response

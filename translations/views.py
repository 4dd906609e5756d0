import re
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpResponseForbidden, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail import views as wagtail_views

from core.languages import supported

from .middleware import language_neutral, remember
from .routing import route_with_fallback

LANGUAGE_PREFIX = re.compile(r"^/([\w@-]+)(?=/|$)")


def serve(request, path):
    """Wagtail's page serving, with the source page as the fallback for a
    translation that does not exist yet (see `routing`)."""
    route_with_fallback(request, path)
    return wagtail_views.serve(request, path)


def same_page_in(url: str, language: str) -> str:
    """`url` with its language prefix replaced by `language`'s (none for
    English). Django's `translate_url` cannot do this here: the switcher's URL
    is unprefixed, so it reads "/fr/africa/" as an English page path."""
    parts = urlsplit(url)
    path = parts.path or "/"
    match = LANGUAGE_PREFIX.match(path)
    if match and supported(match.group(1)):
        path = path[match.end() :] or "/"
    if language_neutral(path):
        return url
    if language != settings.LANGUAGE_CODE:
        path = f"/{language}{path}"
    return urlunsplit(parts._replace(path=path))


def safe_next(request, url: str | None) -> bool:
    return bool(url) and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def set_language(request):
    """The language switcher: the same page in the chosen language.

    A POST (the switcher's buttons) is the reader's choice: it is kept in the
    language cookie and, for a signed-in member, as their preferred language,
    so unprefixed addresses open in it. A GET (an old link, a link pasted in
    a message) only leads to the page in that language and stores nothing.

    Without a CSRF token, so that every page, switcher included, stays the
    same for every visitor and cacheable: a cross-site POST is refused by its
    Origin instead (`same_origin`), and carries no session cookie (SameSite),
    so it could never reach a member's stored preference anyway. An unknown
    language changes nothing.

    `next` is checked again after the language prefix is swapped:
    "/fr//evil.example" is a local path, "//evil.example" is not."""
    if request.method == "POST" and not same_origin(request):
        return HttpResponseForbidden()
    data = request.POST if request.method == "POST" else request.GET
    next_url = data.get("next") or request.META.get("HTTP_REFERER") or "/"
    if not safe_next(request, next_url):
        next_url = "/"
    language = supported(data.get("language"))
    if language is None:
        return HttpResponseRedirect(next_url)
    target = same_page_in(next_url, language)
    if not safe_next(request, target):
        target = same_page_in("/", language)
    response = HttpResponseRedirect(target)
    if request.method == "POST":
        remember(request, response, language)
        user = request.user
        if user.is_authenticated and user.preferred_language != language:
            user.preferred_language = language
            user.save(update_fields=["preferred_language"])
    return response


def same_origin(request) -> bool:
    """The request was sent by a page of this site, as browsers tell it:
    `Sec-Fetch-Site`, else `Origin`. A client sending neither is no browser
    a third party could drive."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site in {"same-origin", "none"}
    origin = request.headers.get("Origin")
    if not origin:
        return True
    return origin == f"{request.scheme}://{request.get_host()}"

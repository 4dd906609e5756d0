import re
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from wagtail import views as wagtail_views

from .languages import supported
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


@require_http_methods(["GET", "POST"])
def set_language(request):
    """The language switcher: the same page in the chosen language, the choice
    kept in the language cookie and, for a signed-in member, as their
    preferred language. An unknown language changes nothing.

    The switcher is a list of links (GET), so pages carry no per-visitor
    token and stay cacheable; choosing a language is harmless to repeat."""
    data = request.POST if request.method == "POST" else request.GET
    next_url = data.get("next") or request.META.get("HTTP_REFERER") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    language = supported(data.get("language"))
    if language is None:
        return HttpResponseRedirect(next_url)
    response = HttpResponseRedirect(same_page_in(next_url, language))
    remember(request, response, language)
    user = request.user
    if user.is_authenticated and user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    return response

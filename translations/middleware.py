from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import Resolver404, get_resolver, is_valid_path
from django.urls.resolvers import LocalePrefixPattern
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_path

from core.languages import preferred_language, supported


class PreferredLanguageMiddleware:
    """Takes a reader to the language they chose.

    With `prefix_default_language=False`, Django reads an unprefixed URL as
    English whatever the cookie says. A reader who chose French (with the
    language switcher's buttons, by signing in, or in their profile when
    signed in) who follows an unprefixed link is sent to the /fr/ twin of the
    page; a garbage cookie counts as no choice (English).

    Only a choice changes the language of unprefixed addresses: reading a
    /fr/ page (a link someone shared) stores nothing, or every unprefixed
    address would turn French until the reader found the switcher.

    Sits after LocaleMiddleware and AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from_path = get_language_from_path(request.path_info)
        if from_path is None and request.method in {"GET", "HEAD"}:
            wanted = preferred_language(request)
            if wanted != settings.LANGUAGE_CODE:
                target = f"/{wanted}{request.path_info}"
                urlconf = getattr(request, "urlconf", None)
                if not language_neutral(request.path_info, urlconf) and is_valid_path(
                    target, urlconf
                ):
                    location = request.META.get("SCRIPT_NAME", "") + quote(target)
                    if request.META.get("QUERY_STRING"):
                        location += "?" + request.META["QUERY_STRING"]
                    response = HttpResponseRedirect(location)
                    patch_vary_headers(response, ("Cookie",))
                    return response
        response = self.get_response(request)
        on_login = getattr(request, "language_on_login", None)
        if on_login:
            remember(request, response, on_login)
            if isinstance(response, HttpResponseRedirect):
                response["Location"] = prefixed(response["Location"], on_login)
        return response


def remember(request, response, language: str) -> None:
    """Keep the language being read in the cookie (if it changed)."""
    if supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)) == language:
        return
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def language_neutral(path: str, urlconf=None) -> bool:
    """True for URLs outside `i18n_patterns` (feeds, admin, health check...),
    which have no language twin to redirect to."""
    for pattern in get_resolver(urlconf).url_patterns:
        if isinstance(getattr(pattern, "pattern", None), LocalePrefixPattern):
            continue
        try:
            if pattern.resolve(path.lstrip("/")):
                return True
        except Resolver404:
            continue
    return False


def prefixed(location: str, language: str) -> str:
    """The login redirect's target in the member's language (an unprefixed,
    local URL only; anything else is left as it is)."""
    if (
        language == settings.LANGUAGE_CODE
        or not location.startswith("/")
        or location.startswith("//")
        or get_language_from_path(location.split("?")[0]) is not None
        or language_neutral(location.split("?")[0])
    ):
        return location
    return f"/{language}{location}"

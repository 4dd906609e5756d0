"""Which language a request is read in, and what a language code is worth.

English, the source language, is served at the root; the five other UN
languages under a prefix (/fr/, /ar/, /zh-hans/ ...). A reader's choice is
remembered in Django's language cookie and, for a signed-in member, in
`User.preferred_language`.
"""

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# The languages content (news, toolkits) may be written in: the six UN
# languages and Portuguese, spoken by several Parties of the network.
CONTENT_LANGUAGES = [
    *settings.LANGUAGES,
    ("pt", _("Portuguese")),
]


def supported(code: str | None) -> str | None:
    """`code` if it is one of the site's languages, else None (garbage in a
    cookie or a profile must not change anything)."""
    if not code or not isinstance(code, str):
        return None
    code = code.strip().lower().replace("_", "-")
    return code if code in dict(settings.LANGUAGES) else None


def preferred_language(request) -> str:
    """The language the reader last chose (the cookie), else a signed-in
    member's preferred language, else English.

    Signing in writes the member's preference into the cookie (`signals`), and
    the language switcher updates both, so they only differ when the member
    has since opened a page in another language on purpose.
    """
    cookie = supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
    if cookie:
        return cookie
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        chosen = supported(getattr(user, "preferred_language", ""))
        if chosen:
            return chosen
    return settings.LANGUAGE_CODE


def current_language() -> str:
    return supported(get_language()) or settings.LANGUAGE_CODE

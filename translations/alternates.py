"""The addresses of a page in each language, for search engines: hreflang
alternates and the canonical address.

Every address a visitor reads exists once per language: English at the root,
the other five under a prefix (/fr/, /ar/, /zh-hans/ ...; chm/urls.py). A
crawler sends no cookie, so it sees each prefix in its own language and the
unprefixed address in English; the unprefixed address is also the one that
follows a reader's own choice (translations.middleware), hence `x-default`.

Two kinds of page:
- Pages whose main content is the site's own words and lists (forums,
  topics, the toolkit library, lists, profiles, search, and the home, region
  and country pages, whose lists and place names are translated even where
  their short introduction is not): all six addresses are alternates of
  each other and each is its own canonical. A translation of such a page
  with its own address (another slug) stands for its language.
- Text pages (news, standard pages, toolkits: TEXT_PAGE_TYPES): only their
  translations are alternates. Where a translation is missing, the reader gets the
  original under their prefix (translations.routing); that page is a
  duplicate, so its canonical is the original's address and it lists no
  alternates (Google: "specify a canonical page in the same language, or the
  best possible substitute language"). News carries its own language: a
  French post kept in the source tree is canonical under /fr/, where its
  text and the site around it are both French.
"""

from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Page

from core.languages import current_language, supported

from .middleware import language_neutral
from .routing import TRANSLATABLE_PAGE_TYPES, locale_code
from .views import same_page_in

# Pages whose main content is their text: a stand-in for a missing
# translation is a duplicate of the original.
TEXT_PAGE_TYPES = ("home.StandardPage", "blog.BlogPostPage", "toolkits.ToolkitPage")

# BCP 47 spelling of the site's language codes (hreflang and Open Graph).
HREFLANG = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}


def hreflang(code: str) -> str:
    return HREFLANG.get(code, code)


@dataclass
class LanguageLinks:
    canonical: str | None = None
    # (hreflang, absolute URL), x-default last.
    alternates: list[tuple[str, str]] = field(default_factory=list)


def content_language(page: Page) -> str:
    """The language a page's text is written in: a news post says so itself
    (when it is one of the site's languages), other pages are in their
    locale's."""
    own = supported(getattr(page, "language", None))
    return own or locale_code(page.locale_id)


def serves_page(request, page) -> bool:
    """True when the request is Wagtail's serving of `page` itself (not one of
    a routable page's sub-addresses, nor a view that passes a page along)."""
    match = getattr(request, "resolver_match", None)
    return (
        isinstance(page, Page)
        and match is not None
        and match.url_name == "wagtail_serve"
        and page._meta.label in TRANSLATABLE_PAGE_TYPES
    )


def language_links(request, page=None) -> LanguageLinks:
    if serves_page(request, page):
        if page._meta.label in TEXT_PAGE_TYPES:
            return text_page_links(request, page)
        return frame_links(request, translated_addresses(request, page))
    return frame_links(request)


def translated_addresses(request, page: Page) -> dict[str, str]:
    """Language code: relative address, for the live translations of `page`."""
    # One query; the view restrictions are read only when there is a
    # translation to check (a restricted translation is never named).
    others = list(page.get_translations().live())
    if not others:
        return {}
    found = {}
    public = Page.objects.filter(pk__in=[other.pk for other in others]).public()
    for translation in [page, *public]:
        url = translation.get_url(request)
        if url:
            found.setdefault(locale_code(translation.locale_id), url)
    return found


def frame_links(request, own: dict[str, str] | None = None) -> LanguageLinks:
    """All six languages; `own` gives the addresses of a page's translations
    (the others are the same address under each prefix)."""
    here = request.get_full_path()
    absolute = request.build_absolute_uri
    if language_neutral(request.path_info):
        # Outside i18n_patterns: no twin in other languages.
        return LanguageLinks(canonical=absolute(here))
    # A translation's own address; else this one under each prefix. Both
    # keep the query (a page number, filters).
    query = request.META.get("QUERY_STRING")
    own = {
        code: f"{url}?{query}" if query else url for code, url in (own or {}).items()
    }
    base = own.get(settings.LANGUAGE_CODE) or here
    addresses = {
        code: own.get(code) or same_page_in(base, code)
        for code, _name in settings.LANGUAGES
    }
    alternates = [
        (hreflang(code), absolute(address)) for code, address in addresses.items()
    ]
    alternates.append(("x-default", absolute(addresses[settings.LANGUAGE_CODE])))
    return LanguageLinks(
        canonical=absolute(addresses[current_language()]), alternates=alternates
    )


def page_address(request, page: Page) -> str | None:
    """Where `page` is read in its own language, absolute."""
    url = page.get_url(request)
    if url is None:
        return None
    language = content_language(page)
    if language != locale_code(page.locale_id):
        url = same_page_in(url, language)
    return request.build_absolute_uri(url)


def text_page_links(request, page: Page) -> LanguageLinks:
    canonical = page_address(request, page)
    query = request.META.get("QUERY_STRING")
    here = request.build_absolute_uri(request.path)
    if canonical != here:
        # A stand-in for a missing translation, or news read in another
        # language than its own: the original is the page to index.
        return LanguageLinks(canonical=canonical)
    alternates = []
    translations = [page]
    if page.get_translations().live().exists():
        # Read in full only when there are some (most pages have none).
        translations = (
            page.get_translations(inclusive=True)
            .live()
            .public()
            .specific()
            .order_by("pk")
        )
    for translation in translations:
        language = content_language(translation)
        if any(code == hreflang(language) for code, _url in alternates):
            continue
        address = page_address(request, translation)
        if address:
            alternates.append((hreflang(language), address))
    source = next(
        (url for code, url in alternates if code == settings.LANGUAGE_CODE),
        alternates[0][1] if alternates else canonical,
    )
    order = [hreflang(code) for code, _name in settings.LANGUAGES]
    alternates.sort(key=lambda item: order.index(item[0]))
    alternates.append(("x-default", source))
    if query:
        canonical = f"{canonical}?{query}"
    return LanguageLinks(canonical=canonical, alternates=alternates)

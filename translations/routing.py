"""Serving a page in the reader's language, or the original when it has no
translation yet (never a 404 for a missing translation)."""

from django.conf import settings
from django.http import Http404
from wagtail.models import Page, Site

from core.languages import current_language, supported
from core.translation_source import locale_code

# Editorial pages that are translated; other pages (forum index, libraries)
# are frames around user content and are not expected to have translations.
TRANSLATABLE_PAGE_TYPES = (
    "home.HomePage",
    "home.StandardPage",
    "community.RegionPage",
    "community.CountryPage",
    "blog.BlogPostPage",
    "toolkits.ToolkitPage",
    "national.NationalPage",
    "national.BiodiversityProfilePage",
    "national.DocumentsPage",
    "national.SourcesPage",
    "national.GalleryPage",
)


def route_with_fallback(request, path: str):
    """Wagtail's route for the request, falling back to the source-language
    tree when the reader's language has no page at this path."""
    route = Page.route_for_request(request, path)
    if route is not None or current_language() == settings.LANGUAGE_CODE:
        return route
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    try:
        route = site.root_page.specific.route(request, components)
    except Http404:
        return None
    request._wagtail_route_for_request = route
    return route


def is_fallback(page) -> bool:
    """True when `page` is shown instead of a translation the reader's language
    lacks: an editorial page in another language than the one being read."""
    if page is None or not isinstance(page, Page):
        return False
    if current_language() == settings.LANGUAGE_CODE:
        # English is read from the English tree only: nothing to compare.
        return False
    if page._meta.label not in TRANSLATABLE_PAGE_TYPES:
        return False
    # News says which language it is written in: a French post read in French
    # stands for nothing else.
    written_in = supported(getattr(page, "language", None))
    return (written_in or locale_code(page.locale_id)) != current_language()

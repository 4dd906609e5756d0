from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from translations.alternates import page_address


class PageSitemap(Sitemap):
    """Every live page without a view restriction (Wagtail's `public()`,
    which also leaves out what sits under a restricted page) under the site's
    home and its translations: Wagtail's own sitemap walks the source tree
    only, so translations would never be listed.

    Each page is listed at its canonical address, the one its head names
    (translations.alternates): on the host being asked, and a news post under
    its own language's prefix."""

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for home in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            location = page_address(self.request, item)
            if location:
                urls.append(
                    {"item": item, "location": location, "lastmod": self.lastmod(item)}
                )
        return urls

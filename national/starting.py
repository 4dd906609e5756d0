""" "Start your national CHM website": the starter pages, as drafts.

Every page kind registered in community.site_pages (this app's pages, events,
national targets...) is created once under the country, unpublished, titled
in the country's working language: the language the focal point who starts
it prefers, else the site's language. The pages stay in the country page's
own locale (translations follow the house's translation flow).
"""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from wagtail.models import Page

from community.site_pages import starter_pages
from core.languages import supported


def working_language(user) -> str:
    return supported(getattr(user, "preferred_language", "")) or settings.LANGUAGE_CODE


def missing_starter_pages(country) -> list:
    taken = set(Page.objects.child_of(country).values_list("slug", flat=True))
    return [spec for spec in starter_pages() if spec.slug not in taken]


def has_started(country) -> bool:
    """Whether any starter page exists under the country (one query)."""
    slugs = [spec.slug for spec in starter_pages()]
    return Page.objects.child_of(country).filter(slug__in=slugs).exists()


@transaction.atomic
def start_national_site(user, country) -> list[Page]:
    """Create the starter pages the country lacks, as drafts; returns them.
    Starting twice creates nothing new."""
    # One start at a time per country: a double click waits for the first.
    type(country).objects.select_for_update().filter(pk=country.pk).first()
    language = working_language(user)
    created = []
    for spec in missing_starter_pages(country):
        with translation.override(language):
            page = spec.build(country, language)
            page.title = str(page.title or spec.title)
        page.slug = spec.slug
        page.live = False
        page.show_in_menus = True
        country.refresh_from_db()
        country.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        created.append(page)
    return created

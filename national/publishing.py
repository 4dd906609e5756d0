"""A national website is published when the first of its pages is: the
country's page then links to it, and the Secretariat hears of it once."""

from django.utils import timezone

from community.models import CountryPage

from . import events


def mark_national_site_published(country) -> bool:
    """Record the first publication (once, even under concurrent publishes)."""
    now = timezone.now()
    updated = CountryPage.objects.filter(
        pk=country.pk, national_site_published_at__isnull=True
    ).update(national_site_published_at=now)
    if updated:
        country.national_site_published_at = now
        events.national_site_published(country.pk)
    return bool(updated)


def on_page_published(sender, instance, **kwargs) -> None:
    """Wagtail's page_published, for this app's page types."""
    country = instance.country
    if country is not None and country.national_site_published_at is None:
        mark_national_site_published(country)

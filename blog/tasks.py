from django_tasks import task

from community.models import CountryPage

from .harvesting import countries_with_feeds, harvest_country


@task()
def harvest_country_feed(country_id: int) -> dict:
    country = CountryPage.objects.get(pk=country_id)
    result = harvest_country(country)
    return {"ok": result.ok, "imported": result.imported, "message": result.message}


@task()
def harvest_all_feeds() -> int:
    """Queue one harvest per country, so a slow feed holds up only itself."""
    ids = list(countries_with_feeds().values_list("pk", flat=True))
    for country_id in ids:
        harvest_country_feed.enqueue(country_id)
    return len(ids)

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


@task()
def news_published(page_id: int) -> int:
    """Tell the followers of a news post's place, tags and author about it
    (once queued as notifications.tasks.news_published)."""
    from notifications.delivery import deliver

    from . import audiences
    from .models import BlogPostPage

    post = (
        BlogPostPage.objects.live()
        .public()
        .select_related("country", "region")
        .filter(pk=page_id)
        .first()
    )
    return len(deliver(audiences.news_published(post))) if post else 0

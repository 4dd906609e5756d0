"""National website notifications, off the request path (django-tasks)."""

from django_tasks import task

from notifications.delivery import deliver

from . import audiences


@task()
def national_site_published(country_id: int) -> int:
    from community.models import CountryPage

    country = CountryPage.objects.filter(pk=country_id).first()
    return len(deliver(audiences.national_site_published(country))) if country else 0

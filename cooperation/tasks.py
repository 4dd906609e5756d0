"""Cooperation notifications, off the request path (django-tasks)."""

from django_tasks import task

from notifications.delivery import deliver

from . import audiences


@task()
def request_opened(request_id: int) -> int:
    from .models import CooperationRequest

    request = (
        CooperationRequest.objects.select_related("country")
        .filter(pk=request_id)
        .first()
    )
    return len(deliver(audiences.request_opened(request))) if request else 0


@task()
def offer_published(offer_id: int) -> int:
    from .models import CooperationOffer

    offer = CooperationOffer.objects.active().filter(pk=offer_id).first()
    return len(deliver(audiences.offer_published(offer))) if offer else 0


@task()
def request_updated(event_id: int) -> int:
    from .models import RequestEvent

    event = (
        RequestEvent.objects.select_related("request__country", "actor")
        .filter(pk=event_id)
        .first()
    )
    return len(deliver(audiences.request_updated(event))) if event else 0

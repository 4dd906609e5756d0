"""Keep each event's country and region right when pages move in the tree."""

from django.dispatch import receiver
from wagtail.signals import post_page_move

from .models import EventPage, EventsIndexPage


@receiver(post_page_move)
def update_place_in_network(sender, instance, **kwargs) -> None:
    # Arguments: instance, parent_page_before, parent_page_after,
    # url_path_before, url_path_after.
    from community.models import CountryPage

    specific = instance.specific_deferred
    if isinstance(specific, EventPage):
        events = [specific]
    elif isinstance(specific, EventsIndexPage):
        events = list(EventPage.objects.child_of(specific))
    elif isinstance(specific, CountryPage):
        EventPage.objects.filter(country=specific).update(region=specific.get_parent())
        return
    else:
        return
    for event in events:
        event.set_place_in_network()
        EventPage.objects.filter(pk=event.pk).update(
            country=event.country, region=event.region
        )

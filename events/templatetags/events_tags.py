from django import template
from django.utils import timezone

register = template.Library()


@register.inclusion_tag("events/includes/when.html")
def event_when(event, reader_note: bool = False) -> dict:
    """When `event` takes place, as its own clock reads (its time zone), in
    <time> elements; with `reader_note`, the reader's clock too when it
    differs (the active time zone)."""
    start, end = event.local_start, event.local_end
    context = {
        "event": event,
        "start": start,
        "end": end,
        "all_day": event.all_day,
        "same_day": start.date() == end.date(),
        "zone": event.time_zone,
    }
    if reader_note and not event.all_day:
        reader_start = timezone.localtime(event.start)
        reader_end = timezone.localtime(event.end)
        if reader_start.replace(tzinfo=None) != start.replace(tzinfo=None):
            context.update(
                {
                    "reader_start": reader_start,
                    "reader_end": reader_end,
                    "reader_same_day": reader_start.date() == reader_end.date(),
                    "reader_zone": timezone.get_current_timezone_name(),
                }
            )
    return context

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_time_zone(value: str) -> None:
    """An IANA time zone name this server knows (Africa/Porto-Novo)."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError) as error:
        raise ValidationError(
            _("Enter a time zone name such as Africa/Nairobi or UTC."),
            code="time_zone",
        ) from error

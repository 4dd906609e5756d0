"""Checks shared by the forms and the write functions."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import UnitType

EARLIEST_YEAR = 1900


def check_year(year: int | None) -> int | None:
    """A year that has begun: not in the future, not before 1900."""
    if year is None:
        return None
    this_year = timezone.localdate().year
    if year > this_year:
        raise ValidationError(
            _("The year %(year)s is in the future.") % {"year": year},
            code="future_year",
        )
    if year < EARLIEST_YEAR:
        raise ValidationError(
            _("Give a year from %(earliest)s.") % {"earliest": EARLIEST_YEAR},
            code="early_year",
        )
    return year


def check_value(unit_type: str, value: Decimal | None) -> Decimal | None:
    """A value that its unit type allows."""
    if value is None:
        return None
    if unit_type == UnitType.PERCENT and not (0 <= value <= 100):
        raise ValidationError(
            _("A percentage is between 0 and 100."), code="bad_percent"
        )
    if unit_type == UnitType.COUNT and (value < 0 or value != value.to_integral()):
        raise ValidationError(
            _("A count is a whole number, 0 or more."), code="bad_count"
        )
    if (
        unit_type in (UnitType.AREA_KM2, UnitType.HECTARES, UnitType.CURRENCY)
        and value < 0
    ):
        raise ValidationError(
            _("An area or an amount of money cannot be negative."),
            code="negative",
        )
    if unit_type == UnitType.CURRENCY and value != value.quantize(Decimal("0.01")):
        raise ValidationError(
            _("An amount of money has at most two decimals."), code="bad_currency"
        )
    return value

"""Who may start a country's national website."""

from community.capacity import CapacityLevel
from community.national_spaces import is_focal_point

# Countries without a national CHM website are offered one; a country at
# level 3 or above already has one.
STARTABLE_LEVELS = (
    CapacityLevel.NO_FOCAL_POINT,
    CapacityLevel.UNDER_EQUIPPED,
    CapacityLevel.NO_WEBSITE,
)


def can_start_national_site(user, country) -> bool:
    """Only the country's own focal points, and only below level 3."""
    return country.capacity_level in STARTABLE_LEVELS and is_focal_point(user, country)

"""Who may do what with national targets.

A national target speaks for its country: only that country's focal points
and national editors (and Secretariat staff, `is_staff`) write it. Editors
write drafts and submit them; a focal point publishes, as in the national
website's review workflow where the focal points approve.
"""

from django.db.models import Q
from wagtail.models import Locale

from community.models import CountryPage


def _member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def _groups(user) -> set[int]:
    if not hasattr(user, "_target_group_ids"):
        user._target_group_ids = set(user.groups.values_list("pk", flat=True))
    return user._target_group_ids


def is_country_focal_point(user, country) -> bool:
    if not _member(user) or country is None:
        return False
    return user.is_staff or country.focal_point_group_id in _groups(user)


def can_edit_targets(user, country) -> bool:
    """Write the country's targets: its focal points and national editors."""
    if not _member(user) or country is None:
        return False
    if user.is_staff:
        return True
    own = {country.focal_point_group_id, country.editor_group_id} - {None}
    return bool(own & _groups(user))


def can_publish_targets(user, country) -> bool:
    return is_country_focal_point(user, country)


def editable_countries(user):
    if not _member(user):
        return CountryPage.objects.none()
    countries = CountryPage.objects.filter(
        alias_of__isnull=True, locale=Locale.get_default()
    )
    if user.is_staff:
        return countries
    group_ids = list(_groups(user))
    return countries.filter(
        Q(focal_point_group__in=group_ids) | Q(editor_group__in=group_ids)
    )

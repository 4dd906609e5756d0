"""Who may do what with cooperation requests and offers.

A request speaks for a country, so only that country's focal points and
national editors (and Secretariat staff, `is_staff`) may create, edit or move
it through its life cycle. Any signed-in member may offer help.
"""

from django.db.models import Q
from wagtail.models import Locale

from community.models import CountryPage


def _member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def countries_for(user):
    """The countries `user` may ask for help on behalf of."""
    if not _member(user):
        return CountryPage.objects.none()
    countries = CountryPage.objects.filter(
        alias_of__isnull=True, locale=Locale.get_default()
    )
    if user.is_staff:
        return countries.order_by("title")
    group_ids = list(user.groups.values_list("pk", flat=True))
    return countries.filter(
        Q(focal_point_group__in=group_ids) | Q(editor_group__in=group_ids)
    ).order_by("title")


def can_request_for(user, country) -> bool:
    if not _member(user) or country is None:
        return False
    if user.is_staff:
        return True
    group_ids = {country.focal_point_group_id, country.editor_group_id} - {None}
    return user.groups.filter(pk__in=group_ids).exists()


def can_create_request(user) -> bool:
    return _member(user) and (user.is_staff or countries_for(user).exists())


def can_manage_request(user, request) -> bool:
    """Edit, change status, select the provider, close."""
    return can_request_for(user, request.country)


def can_offer(user) -> bool:
    return _member(user)


def can_manage_offer(user, offer) -> bool:
    return _member(user) and (user.is_staff or offer.offered_by_id == user.pk)

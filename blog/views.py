from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from community.models import CountryPage
from community.national_spaces import can_manage_country

from .tasks import harvest_country_feed


@require_POST
@login_required
def harvest_now(request, iso: str):
    """A focal point asks for their national feed to be fetched now."""
    country = get_object_or_404(
        CountryPage, iso_code=iso.upper(), locale=Locale.get_default()
    )
    if not can_manage_country(request.user, country):
        raise PermissionDenied
    if not country.feed_url:
        messages.error(request, _("This country has no national feed."))
        return redirect(country.url)
    result = harvest_country_feed.enqueue(country.pk)
    if result.is_finished and result.return_value:
        outcome = result.return_value
        if outcome["ok"]:
            messages.success(
                request,
                ngettext(
                    "Feed harvested: %(count)s new item.",
                    "Feed harvested: %(count)s new items.",
                    outcome["imported"],
                )
                % {"count": outcome["imported"]},
            )
        else:
            messages.error(
                request,
                _("The feed could not be harvested: %(reason)s")
                % {"reason": outcome["message"]},
            )
    else:
        messages.info(request, _("The feed will be fetched in a moment."))
    return redirect(country.url)

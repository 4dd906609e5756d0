"""Who hears that a national website went live: the Secretariat (active staff),
so it can confirm the country's capacity level 3."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from notifications.audiences import Draft, in_their_languages
from translations.names import place_name

from .events import NATIONAL_SITE
from .hosting import national_site_url


def national_site_published(country) -> list[Draft]:
    staff = list(
        get_user_model()
        .objects.filter(is_staff=True, is_active=True)
        .values_list("pk", flat=True)
    )
    titles = in_their_languages(
        staff,
        lambda: (
            _(
                "%(country)s published its national CHM website: confirm its "
                "capacity level"
            )
            % {"country": place_name(country)}
        ),
    )
    return [
        Draft(
            user_id,
            NATIONAL_SITE,
            titles[user_id],
            national_site_url(country),
            f"national-site:{country.pk}",
        )
        for user_id in sorted(staff)
    ]

"""Notifications national websites raise, queued once the write has committed."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from notifications.kinds import register_kind

NATIONAL_SITE = "national_site"


def register_kinds() -> None:
    register_kind(
        NATIONAL_SITE, _("A country published its national CHM website"), order=160
    )


def national_site_published(country_id: int) -> None:
    from . import tasks

    transaction.on_commit(lambda: tasks.national_site_published.enqueue(country_id))

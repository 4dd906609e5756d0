"""Checks shared by the forms and the write functions, so a request or offer
written from anywhere (view, admin, command) is held to the same rules."""

from datetime import date

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import Subject
from core.refusals import Refusal
from tagging.vocabulary import MAX_TAGS_PER_ITEM, too_many_tags_message

from .models import AssistanceType

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def check_assistance_types(types) -> list[str]:
    unknown = [t for t in types if t not in AssistanceType.values]
    if unknown:
        raise Refusal(
            _("Unknown type of assistance: %(types)s") % {"types": ", ".join(unknown)},
            "assistance_types",
        )
    if not types:
        raise Refusal(_("Choose at least one type of assistance."), "assistance_types")
    return list(dict.fromkeys(types))


def check_languages(codes) -> list[str]:
    unknown = [c for c in codes if c not in LANGUAGE_CODES]
    if unknown:
        raise Refusal(
            _("Unknown language: %(codes)s") % {"codes": ", ".join(unknown)},
            "languages",
        )
    if not codes:
        raise Refusal(_("Choose at least one language."), "languages")
    return list(dict.fromkeys(codes))


def check_subjects(subjects) -> list[Subject]:
    subjects = list(subjects)
    if not subjects:
        raise Refusal(_("Choose at least one CBD subject."), "subjects")
    if not all(isinstance(s, Subject) and s.pk for s in subjects):
        raise Refusal(_("Unknown CBD subject."), "subjects")
    if len(subjects) > MAX_TAGS_PER_ITEM:
        raise Refusal(too_many_tags_message(), "subjects")
    return subjects


def check_dates(start: date | None, deadline: date | None) -> None:
    today = timezone.localdate()
    if deadline is not None and deadline < today:
        raise Refusal(_("The deadline is in the past."), "deadline")
    if start is not None and deadline is not None and start > deadline:
        raise Refusal(_("The desired start is after the deadline."), "start_date")

"""Closed requests as CBD-style "case-study" records, for the central CHM.

A request is a member-written record, not a Wagtail page: it has no
translations, so each multilingual field holds the one language it was
written in (the language of its discussion topic, recorded when the request
was made; the site's source language for a request without one).
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from core.api.records import RecordExporter, country_ref, header
from core.api.registry import register_cbd_record

from .models import CooperationRequest

SCHEMA = "case-study"


def public_case_studies():
    """Closed requests, the ones the case-study pages show to anyone."""
    return (
        CooperationRequest.objects.visible_to(AnonymousUser())
        .case_studies()
        .for_listing()
        .select_related(
            "topic", "selected_offer__country", "selected_offer__offered_by"
        )
        .order_by("pk")
    )


def written_language(coop: CooperationRequest) -> str:
    if coop.topic_id and coop.topic.language:
        return coop.topic.language
    return settings.LANGUAGE_CODE


def case_study_record(coop: CooperationRequest) -> dict:
    language = written_language(coop)

    def text(value: str) -> dict[str, str]:
        return {language: value} if value else {}

    offer = coop.selected_offer
    return {
        "header": header(SCHEMA, coop.pk, [language]),
        "title": text(coop.title),
        "summary": text(coop.problem),
        "outcome": text(coop.outcome),
        "lessonsLearned": text(coop.lessons_learned),
        "subjects": [
            {"identifier": code}
            for code in sorted(subject.code for subject in coop.subjects.all())
        ],
        "country": country_ref(coop.country),
        "assistanceTypes": sorted(coop.assistance_types),
        "workingLanguages": sorted(coop.languages),
        "scope": coop.scope,
        "provider": {
            "name": offer.provider_name(),
            "country": country_ref(offer.country),
        }
        if offer
        else None,
        "requestDate": coop.created_at.date().isoformat(),
        "closingDate": coop.closed_at.date().isoformat() if coop.closed_at else None,
        "urls": {language: settings.SITE_BASE_URL + coop.get_absolute_url()},
    }


def register_case_studies() -> None:
    register_cbd_record(
        RecordExporter(
            SCHEMA,
            public_case_studies,
            case_study_record,
            key_field="pk",
            modified_field="closed_at",
        )
    )

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from community.models import CountryPage, RegionPage, Subject
from cooperation.offering import OfferDraft, create_offer
from cooperation.requesting import RequestDraft, create_request

from ..factories import UserFactory


def make_subject(code: str, name: str) -> Subject:
    tag = Tag.objects.create(name=name, slug=slugify(name))
    return Subject.objects.create(code=code, tag=tag, kind="thematic")


@pytest.fixture
def subjects(db):
    return SimpleNamespace(
        forest=make_subject("CBD-SUBJECT-FOR", "Forest"),
        marine=make_subject("CBD-SUBJECT-MAR", "Marine and coastal"),
        ias=make_subject("CBD-SUBJECT-IAS", "Invasive alien species"),
    )


@pytest.fixture
def north(network):
    """A WEOG region and France, to compare South–South with North–South."""
    network.home.refresh_from_db()
    weog = network.home.add_child(
        instance=RegionPage(
            title="Western Europe and Others", slug="western-europe-others"
        )
    )
    france = weog.add_child(
        instance=CountryPage(title="France", slug="france", iso_code="FR")
    )
    return SimpleNamespace(weog=weog, france=france)


def later(days: int = 60):
    return timezone.localdate() + timedelta(days=days)


def request_draft(country, subjects, **fields) -> RequestDraft:
    values = {
        "title": "Mapping water hyacinth",
        "problem": "Water hyacinth covers the river; we need maps and advice.",
        "country": country,
        "contact_name": "Aïcha Dossou",
        "contact_email": "aicha@example.org",
        "assistance_types": ["technical", "expertise"],
        "subjects": subjects,
        "languages": ["fr"],
        "deadline": later(),
    }
    values.update(fields)
    return RequestDraft(**values)


def make_request(user, country, subjects, **fields):
    return create_request(user, request_draft(country, subjects, **fields))


def make_offer(user, subjects, **fields):
    values = {
        "title": "Help with mapping",
        "description": "We map invasive plants from satellite images.",
        "assistance_types": ["technical"],
        "subjects": subjects,
        "languages": ["fr"],
    }
    values.update(fields)
    return create_offer(user, OfferDraft(**values))


def provider(country=None, **fields):
    return UserFactory(country=country, **fields)

"""CBD subjects, and cooperation requests and offers made through the app's
own actions (`cooperation.requesting`, `cooperation.offering`,
`cooperation.follow_up`), so their discussions, history and notifications
are what members would get."""

from datetime import timedelta
from types import SimpleNamespace

import factory
from django.utils import timezone, translation
from django.utils.text import slugify
from taggit.models import Tag

from community.models import Subject
from cooperation import follow_up
from cooperation.offering import OfferDraft, create_offer, set_available
from cooperation.requesting import RequestDraft, create_request

from .users import UserFactory


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Tag {n}")
    slug = factory.LazyAttribute(lambda tag: slugify(tag.name))


class SubjectFactory(factory.django.DjangoModelFactory):
    """A CBD subject: a tag with its code (the same code gives the same row)."""

    class Meta:
        model = Subject
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"CBD-SUBJECT-{n}")
    tag = factory.SubFactory(TagFactory)
    kind = "thematic"


def make_subject(code: str, name: str, kind: str = "thematic", slug=None) -> Subject:
    tag = TagFactory(name=name, slug=slug or slugify(name))
    return SubjectFactory(code=code, tag=tag, kind=kind)


def subject_tags() -> dict[str, Tag]:
    """Three CBD subjects as seed_demo creates them, by tag slug: forest,
    cepa, protected-areas."""
    return {
        subject.tag.slug: subject.tag
        for subject in [
            make_subject("CBD-SUBJECT-FOR", "Forest"),
            make_subject(
                "CBD-SUBJECT-CEPA",
                "Communication, education and public awareness (CEPA)",
                "cross-cutting",
                slug="cepa",
            ),
            make_subject(
                "CBD-SUBJECT-PA", "Protected areas", "cross-cutting", "protected-areas"
            ),
        ]
    }


def cooperation_subjects() -> SimpleNamespace:
    """Three thematic subjects a request can be about: forest, marine, ias."""
    return SimpleNamespace(
        forest=make_subject("CBD-SUBJECT-FOR", "Forest"),
        marine=make_subject("CBD-SUBJECT-MAR", "Marine and coastal"),
        ias=make_subject("CBD-SUBJECT-IAS", "Invasive alien species"),
    )


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


def request_form(country, chosen, **fields) -> dict:
    """The POST data of the request form (/cooperation/requests/new/): a valid
    request from `country` on the subjects `chosen`; `fields` replace or add
    fields (`subjects` among them)."""
    data = {
        "country": country.pk,
        "title": "Mapping water hyacinth",
        "problem": "Water hyacinth covers the Ouémé river.",
        "assistance_types": ["technical", "expertise"],
        "subjects": [s.pk for s in chosen],
        "languages": ["fr", "en"],
        "scope": "national",
        "deadline": later().isoformat(),
        "contact_name": "Aïcha Dossou",
        "contact_email": "aicha@example.org",
    }
    data.update(fields)
    return data


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


def cooperation(network) -> SimpleNamespace:
    """Requests at every stage and offers, made through the app's own steps:
    a request written in French and closed as a case study, an open one, a
    withdrawn one; an available offer and one no longer available."""
    secretariat = UserFactory(username="coop.secretariat", is_staff=True)
    expert = UserFactory(username="coop.expert", display_name="Kofi Expert")
    forest = list(Subject.objects.filter(code="CBD-SUBJECT-FOR"))

    def request(title, country, subjects=forest, **fields):
        fields = {
            "problem": f"Le problème : {title}.",
            "contact_email": "aicha.private@example.org",
            "assistance_types": ["technical"],
            **fields,
        }
        return make_request(secretariat, country, subjects, title=title, **fields)

    offer = make_offer(
        expert,
        forest,
        title="Cartographie des mangroves",
        description="Images satellite et formation.",
        assistance_types=["technical", "training"],
        languages=["fr", "en"],
        regions=[network.africa],
    )
    gone = make_offer(
        expert,
        forest,
        title="Old offer",
        description="No longer.",
        assistance_types=["funding"],
        languages=["en"],
    )
    set_available(expert, gone, False)
    with translation.override("fr"):
        closed = request("Jacinthe d’eau au Bénin", network.benin)
    follow_up.express_interest(expert, closed, "Je peux aider.", offer)
    follow_up.select_provider(secretariat, closed, offer)
    follow_up.close_request(
        secretariat,
        closed,
        "Carte livrée ; 40 % du fleuve dégagé.",
        "Former les équipes locales d’abord.",
    )
    open_request = request(
        "Seed bank training",
        network.kenya,
        assistance_types=["training"],
        languages=["en"],
        subjects=list(Subject.objects.filter(code="CBD-SUBJECT-PA")),
    )
    withdrawn = request("Withdrawn need", network.benin)
    follow_up.change_status(secretariat, withdrawn, "withdrawn", "Solved locally.")
    for obj in (closed, open_request, withdrawn):
        obj.refresh_from_db()
    return SimpleNamespace(
        closed=closed,
        open=open_request,
        withdrawn=withdrawn,
        offer=offer,
        gone=gone,
        expert=expert,
    )

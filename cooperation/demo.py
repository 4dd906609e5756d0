"""Demo requests and offers for `seed_demo`: two open requests from Benin, a few
offers, and one request followed to its end as a case study. Written through
the same functions as the site, so matching, discussions and the trail are real.
"""

from datetime import timedelta

from django.utils import timezone

from community.models import RegionPage, Subject

from .follow_up import close_request, express_interest, select_provider
from .models import CooperationOffer, CooperationRequest, ProviderKind
from .offering import OfferDraft, create_offer
from .requesting import RequestDraft, create_request

OFFERS = [
    # member, title, description, kind, organisation, types, subjects, regions, langs
    ("expert", "Forest inventories and dryland restoration: training and field support",
     "Our team trains national staff in forest inventory methods and runs field "
     "sessions on restoring degraded drylands, in English or French.",
     ProviderKind.ORGANISATION, "Kenya Forestry Research Institute",
     ["training", "expertise"],
     ["CBD-SUBJECT-FOR", "CBD-SUBJECT-DRY", "CBD-SUBJECT-IAS"],
     ["africa"], ["en", "fr"]),
    ("admin", "Hosting and setting up a national CHM website",
     "The Secretariat's CHM team helps focal points set up a national CHM website "
     "with Bioland: hosting, domain, first content, training of editors.",
     ProviderKind.ORGANISATION, "CBD Secretariat",
     ["technical", "tools", "training"], ["CBD-SUBJECT-TTC", "CBD-SUBJECT-CEPA"],
     [], ["en", "fr", "es", "ar", "ru", "zh-hans"]),
]  # fmt: skip

REQUESTS = [
    ("Mapping water hyacinth on the Ouémé river",
     "Water hyacinth covers large parts of the Ouémé river and its delta. We need "
     "help to map the infestation from satellite images and to choose between "
     "biological and mechanical control.",
     ["technical", "expertise"], ["CBD-SUBJECT-IAS", "CBD-SUBJECT-IWB"], ["fr", "en"]),
    ("Training the editors of Benin's national CHM",
     "Ten editors in ministries and NGOs will feed the national CHM. We look for a "
     "two-day training on writing for the web and on the CHM content guidelines.",
     ["training"], ["CBD-SUBJECT-CEPA"], ["fr"]),
    ("Setting up Benin's national CHM website",
     "Benin's national CHM has no website of its own yet. We need a hosted site, "
     "a domain and a first structure of content.",
     ["technical", "tools"], ["CBD-SUBJECT-TTC"], ["fr", "en"]),
]  # fmt: skip


def _subjects(codes) -> list[Subject]:
    return list(Subject.objects.filter(code__in=codes))


def seed_cooperation(countries: dict, users: dict) -> int:
    """Create the demo once; returns how many requests were created."""
    offers = {}
    for member, title, text, kind, org, types, codes, regions, langs in OFFERS:
        user = users[member]
        offer = CooperationOffer.objects.filter(offered_by=user, title=title).first()
        if offer is None:
            offer = create_offer(
                user,
                OfferDraft(
                    title=title,
                    description=text,
                    provider_kind=kind,
                    organisation=org,
                    country=user.country,
                    assistance_types=types,
                    subjects=_subjects(codes),
                    regions=list(RegionPage.objects.filter(slug__in=regions)),
                    languages=langs,
                ),
            )
        offers[member] = offer
    focal = users["focal.benin"]
    created = 0
    for title, problem, types, codes, langs in REQUESTS:
        if CooperationRequest.objects.filter(title=title).exists():
            continue
        request = create_request(
            focal,
            RequestDraft(
                title=title,
                problem=problem,
                country=countries["BJ"],
                contact_name=focal.get_display_name(),
                contact_email=focal.email,
                organisation=focal.organisation,
                assistance_types=types,
                subjects=_subjects(codes),
                languages=langs,
                deadline=timezone.localdate() + timedelta(days=120),
            ),
        )
        created += 1
        if title.startswith("Training"):
            express_interest(
                users["expert"],
                request,
                "Our institute trains editors every year; we could come in March.",
            )
        if title.startswith("Setting up"):
            express_interest(
                users["admin"],
                request,
                "The CHM team can host the site and train your editors.",
                offers["admin"],
            )
            select_provider(focal, request, offers["admin"])
            close_request(
                focal,
                request,
                "The national CHM went online in six weeks, hosted by the "
                "Secretariat, with 40 pages and a news feed harvested by the portal.",
                "Name the editors before the training; prepare the first ten pages "
                "in advance; a shared hosting plan is enough to start.",
            )
    return created

"""Demo national websites for `seed_demo`: Benin and Kenya each get a few
published pages (about with contacts, a biodiversity profile with three
facts, a directory of sources, an empty gallery) and an accent colour.
Running it again creates nothing new. The figures are illustrative."""

from django.db import transaction
from wagtail.models import Page
from wagtail.rich_text import RichText

from community.accent import Accent

from .models import BiodiversityProfilePage, GalleryPage, NationalPage, SourcesPage

DEMO_SOURCE = "Illustrative figure (demo data)"

SITES = {
    "BJ": {
        "accent": Accent.FOREST,
        "about": "The national Clearing-House Mechanism gathers and shares what "
        "Benin knows about its biodiversity, with the ministry in charge of the "
        "environment and its steering committee.",
        "contact": ("Demo focal point", "CHM national focal point", "Ministry of "
                    "the Living Environment", "focal.benin@example.org"),
        "facts": [
            ("Protected areas", "26", "% of the land"),
            ("Known plant species", "2,800", "approximately"),
            ("Forest cover", "28", "% of the land"),
        ],
        "sources": [
            ("National forest inventory", "https://example.org/bj/forests",
             "database", ["CBD-SUBJECT-FOR"]),
            ("National herbarium", "https://example.org/bj/herbarium",
             "institution", ["CBD-SUBJECT-GTI", "CBD-SUBJECT-GSPC"]),
            ("Coastal wetlands partnership", "https://example.org/bj/wetlands",
             "partner", ["CBD-SUBJECT-IWB", "CBD-SUBJECT-MAR"]),
        ],
    },
    "KE": {
        "accent": Accent.OCEAN,
        "about": "Kenya's national CHM shares news, data and documents on the "
        "country's biodiversity and how the Convention is implemented.",
        "contact": ("Demo focal point", "CHM national focal point",
                    "National Environment Management Authority",
                    "focal.kenya@example.org"),
        "facts": [
            ("Protected areas", "12", "% of the land"),
            ("Known species", "35,000", "approximately"),
            ("Coastline", "536", "km"),
        ],
        "sources": [
            ("Biodiversity data portal", "https://example.org/ke/data",
             "database", ["CBD-SUBJECT-IMIA"]),
            ("Marine research institute", "https://example.org/ke/marine",
             "institution", ["CBD-SUBJECT-MAR"]),
        ],
    },
}  # fmt: skip


def _pages(spec: dict) -> list[tuple[str, Page]]:
    name, role, institution, email = spec["contact"]
    return [
        ("about", NationalPage(
            title="About the national CHM",
            intro=spec["about"],
            body=[("paragraph", RichText(f"<p>{spec['about']}</p>"))],
        )),
        ("biodiversity-profile", BiodiversityProfilePage(
            title="Biodiversity profile",
            facts=[
                ("fact", {"label": label, "value": value, "notes": notes,
                          "source_title": DEMO_SOURCE, "source_url": ""})
                for label, value, notes in spec["facts"]
            ],
        )),
        ("information-sources", SourcesPage(
            title="Information sources",
            sources=[
                ("source", {"name": source_name, "url": url, "description": "",
                            "kind": kind, "subjects": subjects})
                for source_name, url, kind, subjects in spec["sources"]
            ],
        )),
        ("contacts", NationalPage(
            title="Contacts",
            body=[("contact", {"name": name, "role": role,
                               "institution": institution, "email": email,
                               "phone": "", "address": ""})],
        )),
        ("gallery", GalleryPage(title="Gallery")),
    ]  # fmt: skip


@transaction.atomic
def seed_national_sites(countries: dict) -> int:
    """Give Benin and Kenya their national websites; returns the pages made."""
    made = 0
    for iso, spec in SITES.items():
        country = countries.get(iso)
        if country is None:
            continue
        if country.accent != spec["accent"]:
            type(country).objects.filter(pk=country.pk).update(accent=spec["accent"])
        taken = set(Page.objects.child_of(country).values_list("slug", flat=True))
        for slug, page in _pages(spec):
            if slug in taken:
                continue
            page.slug = slug
            page.show_in_menus = True
            country.refresh_from_db()
            country.add_child(instance=page)
            page.save_revision().publish()
            made += 1
    return made

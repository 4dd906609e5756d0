"""A country's national website: its pages (national/), built straight
under the country page, live unless told otherwise."""

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.rich_text import RichText

from national.models import (
    BiodiversityProfilePage,
    DocumentsPage,
    GalleryPage,
    NationalPage,
    SourcesPage,
)

from .files import PDF
from .pages import PageFactory


class NationalPageFactory(PageFactory):
    class Meta:
        model = NationalPage

    title = factory.Sequence(lambda n: f"National page {n}")
    show_in_menus = True


class BiodiversityProfilePageFactory(NationalPageFactory):
    class Meta:
        model = BiodiversityProfilePage

    title = "Biodiversity profile"
    slug = "biodiversity-profile"


class DocumentsPageFactory(NationalPageFactory):
    class Meta:
        model = DocumentsPage

    title = "Documents"
    slug = "documents"


class SourcesPageFactory(NationalPageFactory):
    class Meta:
        model = SourcesPage

    title = "Information sources"
    slug = "information-sources"


class GalleryPageFactory(NationalPageFactory):
    class Meta:
        model = GalleryPage

    title = "Gallery"
    slug = "gallery"


def fact(label, value, notes="", source="National report", url=""):
    return (
        "fact",
        {
            "label": label,
            "value": value,
            "notes": notes,
            "source_title": source,
            "source_url": url,
        },
    )


def source(name, url, subjects=(), kind="database", description=""):
    return (
        "source",
        {
            "name": name,
            "url": url,
            "description": description,
            "kind": kind,
            "subjects": list(subjects),
        },
    )


def contact(name, **fields):
    return ("contact", {"name": name, **fields})


def make_document(title="Sixth national report") -> Document:
    document = Document(title=title)
    document.file.save("report.pdf", ContentFile(PDF), save=False)
    document.save()
    return document


def make_national_site(country, *, photos: int = 0):
    """About (with a contact), a profile with three facts, documents, sources
    and a gallery (with `photos` images: needs media in a temporary folder)."""
    about = NationalPageFactory(
        parent=country,
        title="About",
        slug="about",
        intro="The national CHM",
        body=[
            ("paragraph", RichText("<p>Who we are</p>")),
            contact("Ada Focal", role="Focal point", email="ada@example.org"),
        ],
    )
    profile = BiodiversityProfilePageFactory(
        parent=country,
        facts=[
            fact(
                "Protected areas", "26", "% of the land", url="https://example.org/pa"
            ),
            fact("Known plant species", "2,807"),
            fact("Forest cover", "38", "% of the land"),
        ],
    )
    documents = DocumentsPageFactory(
        parent=country,
        documents=[
            (
                "document",
                {
                    "document": make_document(),
                    "title": "Sixth national report",
                    "year": 2019,
                    "kind": "national-report",
                    "language": "fr",
                },
            )
        ],
    )
    sources = SourcesPageFactory(
        parent=country,
        sources=[
            source(
                "Forest inventory", "https://example.org/forest", ["CBD-SUBJECT-FOR"]
            ),
            source(
                "Plant herbarium", "https://example.org/herbarium", kind="institution"
            ),
        ],
    )
    gallery = GalleryPageFactory(
        parent=country,
        photos=[
            (
                "photo",
                {
                    "image": wagtail_factories.ImageFactory(),
                    "caption": f"Photo {n}",
                    "credit": "Ministry",
                    "alt_text": f"A forest, view {n}",
                },
            )
            for n in range(photos)
        ],
    )
    return about, profile, documents, sources, gallery

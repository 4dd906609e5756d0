"""This app's pages in the registry of a national website's starter pages
(community.site_pages), each with what to write on it."""

from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.rich_text import RichText

from community.site_pages import StarterPage, register_starter_page

from .models import (
    BiodiversityProfilePage,
    DocumentsPage,
    GalleryPage,
    NationalPage,
    SourcesPage,
)


def guidance_body(help_text) -> list:
    """The draft's first paragraph: what to write, marked for replacing."""
    html = format_html(
        "<p><b>{}</b> {}</p>",
        _("Guidance (replace this paragraph before publishing):"),
        str(help_text),
    )
    return [("paragraph", RichText(html))]


def _builder(model, title, help_text):
    def build(country, language):
        return model(title=str(title), body=guidance_body(help_text))

    return build


STARTERS = [
    ("about", "about", NationalPage, _lazy("About the national CHM"), 10,
     _lazy("Say what the national CHM is for, who runs it (the institution of the "
           "focal point, the steering committee) and how to take part.")),
    ("profile", "biodiversity-profile", BiodiversityProfilePage,
     _lazy("Biodiversity profile"), 20,
     _lazy("Give a few key facts about the country's biodiversity (species, "
           "ecosystems, protected areas), each with its value and its source.")),
    ("documents", "documents", DocumentsPage, _lazy("NBSAP and documents"), 30,
     _lazy("Upload the national reports, the NBSAP and other key documents, with "
           "their year and language.")),
    ("projects", "projects", NationalPage, _lazy("Projects"), 40,
     _lazy("Describe the main biodiversity projects under way: aims, partners, "
           "places, results, and where to learn more.")),
    ("sources", "information-sources", SourcesPage, _lazy("Information sources"), 50,
     _lazy("List the national databases, institutions and partner websites, with "
           "the CBD subjects each covers.")),
    ("contacts", "contacts", NationalPage, _lazy("Contacts"), 60,
     _lazy("Add a contact card for the focal point and each institution readers "
           "may write to.")),
    ("gallery", "gallery", GalleryPage, _lazy("Gallery"), 80,
     _lazy("Add photos of the country's nature and of the network's work, each with "
           "a text alternative, a caption and the photographer's credit.")),
]  # fmt: skip


def register_starter_pages() -> None:
    for key, slug, model, title, order, help_text in STARTERS:
        register_starter_page(
            StarterPage(
                key=key,
                slug=slug,
                title=title,
                help_text=help_text,
                build=_builder(model, title, help_text),
                order=order,
            )
        )

"""The toolkit library, toolkits with their files and links, the CBD
subjects they are tagged with, and members' proposals of toolkits through
the proposal form."""

import factory
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import WorkflowState

from toolkits.models import (
    ToolkitLanguage,
    ToolkitLibraryPage,
    ToolkitPage,
    ToolkitResource,
)

from .files import PDF
from .pages import PageFactory


class ToolkitLibraryPageFactory(PageFactory):
    class Meta:
        model = ToolkitLibraryPage

    title = "Toolkits"
    slug = "toolkits"


class ToolkitPageFactory(PageFactory):
    """A toolkit; `languages=("en", ...)` and `resources=[ToolkitResource(...)]`
    become its inline rows."""

    class Meta:
        model = ToolkitPage

    title = factory.Sequence(lambda n: f"Toolkit {n}")
    summary = factory.LazyAttribute(lambda page: f"Summary of {page.title}")

    @classmethod
    def child_fields(cls):
        return ("languages", "resources")

    @classmethod
    def add_children(cls, instance, languages=(), resources=()):
        for code in languages:
            instance.toolkit_languages.add(ToolkitLanguage(language=code))
        for resource in resources:
            instance.resources.add(resource)


def toolkit_file(n: int, position: int, ext: str, data: bytes, language="en"):
    """An unsaved file resource of toolkit `n`: "File n.position"."""
    return ToolkitResource(
        title=f"File {n}.{position}",
        file=ContentFile(data, name=f"toolkit-{n}-{position}.{ext}"),
        language=language,
    )


def toolkit_link(url: str):
    return ToolkitResource(title=url, kind=ToolkitResource.Kind.LINK, url=url)


def make_toolkit(
    library,
    n: int,
    *,
    tags=(),
    languages=("en",),
    files=(("pdf", PDF),),
    links=(),
    live=True,
    revision=True,
    **fields,
) -> ToolkitPage:
    """Toolkit number `n` in `library` ("Toolkit n", slug toolkit-n), with
    one resource per `(extension, bytes)` in `files` and per URL in `links`;
    published through a revision when live (unless `revision=False`)."""
    fields.setdefault("summary", f"Summary {n}")
    language = languages[0] if languages else "en"
    resources = [
        toolkit_file(n, position, ext, data, language)
        for position, (ext, data) in enumerate(files)
    ] + [toolkit_link(url) for url in links]
    page = ToolkitPageFactory(
        parent=library,
        title=f"Toolkit {n}",
        slug=f"toolkit-{n}",
        live=live,
        tags=tags,
        languages=languages,
        resources=resources,
        **fields,
    )
    if live and revision:
        page.save_revision().publish()
    return page


PROPOSE_URL = "/toolkits/propose/"


def proposal_form(library, **overrides) -> dict:
    """The POST data of the proposal form: a valid toolkit for `library`, with
    a PDF and a link; an override of None leaves that field out."""
    data = {
        "library": library.pk,
        "title": "Guide du site national",
        "summary": "Comment ouvrir un site national du CHM.",
        "description": "Premier paragraphe.\n\n<script>alert(1)</script>",
        "file": SimpleUploadedFile("guide national.pdf", PDF, "application/pdf"),
        "file_language": "fr",
        "link_url": "https://example.org/webinar",
        "free_tags": "bioland, web",
        "min_level": "2",
        "max_level": "3",
        "audience": "editors",
        "languages": ["fr", "en"],
        "publisher": "CHM du Bénin",
        "licence": "cc-by-4.0",
        "publication_date": "2026-03-01",
        "version": "1.2",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def propose(client, library, **overrides):
    """Post a proposal as `client`'s member; the response of the form."""
    return client.post(PROPOSE_URL, proposal_form(library, **overrides))


def approve_url(page, action: str = "approve") -> str:
    """The URL a reviewer posts to for `action` on the proposal `page`'s
    current review task."""
    state = WorkflowState.objects.get(object_id=str(page.pk))
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, state.current_task_state.pk],
    )

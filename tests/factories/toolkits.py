"""The toolkit library, toolkits with their files and links, and the CBD
subjects they are tagged with."""

import factory
from django.core.files.base import ContentFile

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

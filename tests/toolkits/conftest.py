import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from taggit.models import Tag

from community.models import Subject
from toolkits.demo import odt_bytes, pdf_bytes
from toolkits.models import (
    ToolkitLanguage,
    ToolkitLibraryPage,
    ToolkitPage,
    ToolkitResource,
)

PDF = pdf_bytes("Guide", ["A line"])
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + (
    b"\x00" * 64
)
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00" + b"\x00" * 24
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
    b"<script>alert(1)</script></svg>"
)


def zip_bytes(entries: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def ooxml(folder: str) -> bytes:
    return zip_bytes(
        {"[Content_Types].xml": "<Types/>", f"{folder}/document.xml": "<doc/>"}
    )


def odf(mime: str) -> bytes:
    return zip_bytes({"mimetype": mime, "content.xml": "<office:document/>"})


ALLOWED_FILES = {
    "guide.pdf": PDF,
    "guide.docx": ooxml("word"),
    "sheet.xlsx": ooxml("xl"),
    "slides.pptx": ooxml("ppt"),
    "old.doc": OLE2,
    "old.xls": OLE2,
    "old.ppt": OLE2,
    "text.odt": odt_bytes("Guide", ["Text"]),
    "sheet.ods": odf("application/vnd.oasis.opendocument.spreadsheet"),
    "slides.odp": odf("application/vnd.oasis.opendocument.presentation"),
    "logo.png": PNG,
    "photo.jpg": JPEG,
    "photo.jpeg": JPEG,
    "anim.gif": GIF,
    "pic.webp": WEBP,
    "bundle.zip": zip_bytes({"readme.txt": "hello"}),
    "notes.txt": "Notes en français, ملاحظات\n".encode(),
    "data.csv": b"country,level\nBJ,3\nKE,4\n",
    "legacy.csv": "pays,niveau\nBénin,3\n".encode("cp1252"),
}

REFUSED_FILES = {
    "page.html": HTML,
    "image.svg": SVG,
    "renamed-html.pdf": HTML,
    "renamed-html.txt": HTML,
    "renamed-html.docx": HTML,
    "svg-as.png": SVG,
    "svg-as.txt": SVG,
    "script.txt": b"#!/bin/sh\nrm -rf /\n",
    "script.csv": b"  <script>alert(1)</script>",
    "binary.txt": b"abc\x00def",
    "png-as.jpg": PNG,
    "zip-as.docx": zip_bytes({"readme.txt": "hello"}),
    "zip-as.odt": zip_bytes({"mimetype": "text/html"}),
    "not-a-zip.zip": b"PK\x03\x04garbage",
    "program.exe": b"MZ\x90\x00",
    "noextension": PDF,
}


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded and seeded files go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def library(network) -> ToolkitLibraryPage:
    return network.home.add_child(
        instance=ToolkitLibraryPage(title="Toolkits", slug="toolkits")
    )


@pytest.fixture
def subjects(db) -> dict[str, Tag]:
    """Three CBD subjects, as seed_demo creates them (a tag with a Subject)."""
    tags = {}
    for slug, name, code, kind in [
        ("forest", "Forest", "CBD-SUBJECT-FOR", "thematic"),
        (
            "cepa",
            "Communication, education and public awareness (CEPA)",
            "CBD-SUBJECT-CEPA",
            "cross-cutting",
        ),
        ("protected-areas", "Protected areas", "CBD-SUBJECT-PA", "cross-cutting"),
    ]:
        tags[slug] = Tag.objects.create(name=name, slug=slug)
        Subject.objects.create(tag=tags[slug], code=code, kind=kind)
    return tags


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
    library.refresh_from_db()
    fields.setdefault("summary", f"Summary {n}")
    page = ToolkitPage(title=f"Toolkit {n}", slug=f"toolkit-{n}", live=live, **fields)
    page.tags.add(*tags)
    for code in languages:
        page.toolkit_languages.add(ToolkitLanguage(language=code))
    for position, (ext, data) in enumerate(files):
        page.resources.add(
            ToolkitResource(
                title=f"File {n}.{position}",
                file=ContentFile(data, name=f"toolkit-{n}-{position}.{ext}"),
                language=languages[0] if languages else "en",
            )
        )
    for url in links:
        page.resources.add(
            ToolkitResource(title=url, kind=ToolkitResource.Kind.LINK, url=url)
        )
    page = library.add_child(instance=page)
    if live and revision:
        page.save_revision().publish()
    return page

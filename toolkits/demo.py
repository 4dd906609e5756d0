# ruff: noqa: E501 - multilingual demo text reads better unwrapped
"""Demo toolkits for `seed_demo`: a library at /toolkits/ with a dozen toolkits
across levels, subjects and languages, each with small real files built here
(a valid PDF, an ODT, text and CSV) so downloads work."""

import io
import zipfile
from datetime import date

from django.core.files.base import ContentFile
from django.utils.html import escape
from django.utils.text import slugify
from taggit.models import Tag

from core.csv_export import csv_writer

from .models import ToolkitLanguage, ToolkitLibraryPage, ToolkitPage, ToolkitResource

CEPA = "Communication, education and public awareness (CEPA)"
LIBRARY_INTRO = (
    "Guides, templates and training kits to set up and run a national "
    "Clearing-House Mechanism, chosen for where your country stands."
)

# slug, title, summary, language(s), levels, tags, country ISO, publisher, files
DEMO_TOOLKITS = [
    (
        "bioland-national-chm",
        "Setting up a national CHM website with Bioland",
        "Step-by-step guide to create, host and fill a national CHM website with the Bioland tool, from domain name to first news.",
        ["en", "fr"],
        (2, 3),
        [CEPA, "Technology transfer and cooperation", "bioland", "web"],
        None,
        "CBD Secretariat",
        ["pdf", "odt"],
    ),
    (
        "chm-content-guidelines",
        "CHM content guidelines",
        "What to publish on a national CHM, how to write it and how to keep it current: a checklist for editors.",
        ["en"],
        (3, 4),
        [CEPA, "writing"],
        None,
        "CBD Secretariat",
        ["pdf", "txt"],
    ),
    (
        "animation-chm-national",
        "Guide pour l'animation d'un CHM national",
        "Faire vivre un centre d'échange national : réseau de contributeurs, calendrier éditorial, lettres d'information.",
        ["fr"],
        (3, 4),
        [CEPA, "animation"],
        "BJ",
        "CHM du Bénin",
        ["pdf", "odt"],
    ),
    (
        "kit-cepa-comunicacion",
        "Kit CEPA: comunicar la biodiversidad",
        "Plantillas y ejemplos para campañas de comunicación, educación y sensibilización pública sobre la biodiversidad.",
        ["es"],
        (2, 4),
        [CEPA],
        "PE",
        "Ministerio del Ambiente",
        ["pdf", "csv"],
    ),
    (
        "daleel-nuqtat-alittisal",
        "دليل نقطة الاتصال الوطنية لآلية تبادل المعلومات",
        "دليل عملي لنقاط الاتصال الوطنية الجديدة: الأدوار والمسؤوليات والخطوات الأولى.",
        ["ar"],
        (0, 1),
        [CEPA, "focal points"],
        None,
        "CBD Secretariat",
        ["pdf", "txt"],
    ),
    (
        "designating-a-focal-point",
        "Designating a CHM national focal point",
        "A briefing note and letter template to help a ministry designate its national focal point for the CHM.",
        ["en", "fr", "es"],
        (0, 0),
        ["focal points"],
        None,
        "CBD Secretariat",
        ["pdf", "odt"],
    ),
    (
        "low-bandwidth-office",
        "A low-bandwidth office for focal points",
        "Equipment, connectivity and free software choices for a focal point working on a slow or irregular connection.",
        ["en", "fr"],
        (1, 2),
        ["Technology transfer and cooperation", "infrastructure"],
        "KE",
        "Kenya CHM team",
        ["pdf", "csv"],
    ),
    (
        "national-targets-reporting",
        "Showing progress towards national biodiversity targets",
        "How to present national targets, indicators and progress on a CHM website, with a data template.",
        ["en"],
        (3, 5),
        ["Identification, monitoring, indicators and assessments", "targets"],
        None,
        "CBD Secretariat",
        ["pdf", "csv"],
    ),
    (
        "protected-areas-map",
        "Publishing a map of protected areas",
        "Prepare protected-area data and publish an interactive map on the national CHM.",
        ["en", "fr"],
        (3, 4),
        ["Protected areas", "maps"],
        "BJ",
        "CHM du Bénin",
        ["pdf", "csv"],
    ),
    (
        "mentoring-other-chms",
        "Mentoring another national CHM",
        "How an operational national CHM can twin with a newer one: a South–South cooperation kit.",
        ["en", "es"],
        (4, 4),
        ["Technology transfer and cooperation", "south-south"],
        "KE",
        "Kenya CHM team",
        ["pdf", "txt"],
    ),
    (
        "interoperability-feeds",
        "Interoperability: RSS feeds and CBD JSON records",
        "Connect a national CHM to the central portal and other biodiversity networks with feeds and shared records.",
        ["en"],
        (5, 5),
        ["Technology transfer and cooperation", "interoperability"],
        "FR",
        "CHM France",
        ["pdf", "txt"],
    ),
    (
        "invasive-species-awareness",
        "Invasive alien species: an awareness kit",
        "Posters, fact sheets and a quiz to raise awareness of invasive alien species in schools.",
        ["fr", "en"],
        (2, 5),
        ["Invasive alien species", CEPA],
        "BE",
        "Belgian CHM",
        ["pdf", "odt"],
    ),
]


def pdf_bytes(title: str, lines: list[str]) -> bytes:
    """A minimal valid one-page PDF (Helvetica, ASCII text)."""

    def ascii_text(text: str) -> str:
        clean = text.encode("ascii", "replace").decode("ascii")
        return clean.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content_lines = [
        "BT",
        "/F1 16 Tf",
        "72 760 Td",
        f"({ascii_text(title)}) Tj",
        "/F1 11 Tf",
    ]
    for line in lines:
        content_lines += ["0 -20 Td", f"({ascii_text(line)}) Tj"]
    content_lines.append("ET")
    stream = "\n".join(content_lines).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return out.getvalue()


def odt_bytes(title: str, paragraphs: list[str]) -> bytes:
    """A minimal valid OpenDocument text file."""
    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in [title, *paragraphs])
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        # The mimetype entry comes first, uncompressed, as ODF requires.
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(
            "META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED
        )
    return out.getvalue()


def csv_bytes(title: str) -> bytes:
    out = io.StringIO()
    csv_writer(out, lineterminator="\n").writerows(
        [
            ("item", "status", "owner", "due"),
            (title, "to do", "focal point", "2026-12-31"),
            ("Check the national feed", "done", "editor", "2026-06-30"),
            ("Translate the home page", "in progress", "editor", "2026-09-30"),
        ]
    )
    return out.getvalue().encode("utf-8")


def text_bytes(title: str, summary: str) -> bytes:
    return f"{title}\n{'=' * len(title)}\n\n{summary}\n".encode()


def demo_file(kind: str, slug: str, title: str, summary: str) -> ContentFile:
    builders = {
        "pdf": lambda: pdf_bytes(title, [summary[:90], "CHM Commons demo toolkit."]),
        "odt": lambda: odt_bytes(title, [summary]),
        "csv": lambda: csv_bytes(title),
        "txt": lambda: text_bytes(title, summary),
    }
    return ContentFile(builders[kind](), name=f"{slug}.{kind}")


def demo_library(home) -> ToolkitLibraryPage:
    library = ToolkitLibraryPage.objects.child_of(home).filter(slug="toolkits").first()
    if library is None:
        library = home.add_child(
            instance=ToolkitLibraryPage(
                title="Toolkits", slug="toolkits", intro=LIBRARY_INTRO
            )
        )
    return library


def _tags(names: list[str]) -> list[Tag]:
    tags = []
    for name in names:
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None:
            tag, _created = Tag.objects.get_or_create(
                slug=slugify(name), defaults={"name": name}
            )
        tags.append(tag)
    return tags


def seed_toolkits(home, countries: dict, authors: dict) -> int:
    """Create the demo library and toolkits that do not exist yet; return how
    many toolkits were created (0 on a second run)."""
    library = demo_library(home)
    existing = set(ToolkitPage.objects.child_of(library).values_list("slug", flat=True))
    owner = (authors or {}).get("admin") or next(iter((authors or {}).values()), None)
    created = 0
    for n, (
        slug,
        title,
        summary,
        languages,
        levels,
        tag_names,
        iso,
        publisher,
        files,
    ) in enumerate(DEMO_TOOLKITS):
        if slug in existing:
            continue
        country = countries.get(iso) if iso else None
        page = ToolkitPage(
            title=title,
            slug=slug,
            summary=summary,
            description=f"<p>{escape(summary)}</p>",
            min_level=levels[0],
            max_level=levels[1],
            audience="focal-points" if levels[0] <= 1 else "editors",
            publisher=publisher,
            authors=publisher,
            licence="cc-by-4.0",
            publication_date=date(2025, 1 + n % 12, 1 + (n * 3) % 27),
            version="1.0",
            country=country,
            owner=owner,
        )
        page.tags.add(*_tags(tag_names))
        for code in languages:
            page.toolkit_languages.add(ToolkitLanguage(language=code))
        for position, kind in enumerate(files):
            language = languages[position % len(languages)]
            page.resources.add(
                ToolkitResource(
                    title=f"{title} ({kind.upper()})",
                    kind=ToolkitResource.Kind.DOCUMENT,
                    file=demo_file(kind, slug, title, summary),
                    language=language,
                )
            )
        if n % 3 == 0:
            page.resources.add(
                ToolkitResource(
                    title="Webinar recording",
                    kind=ToolkitResource.Kind.VIDEO,
                    url="https://www.cbd.int/chm/",
                    language=languages[0],
                )
            )
        library.add_child(instance=page)
        page.save_revision(user=owner).publish(user=owner, skip_permission_checks=True)
        library.refresh_from_db()
        created += 1
    return created

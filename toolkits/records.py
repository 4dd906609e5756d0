"""Published toolkits as CBD-style "toolkit" records, for the central CHM: one
record per translation set, keyed by its translation_key, its strings in every
language it is live in."""

from core.api.records import (
    RecordExporter,
    country_ref,
    header,
    language_code,
    multilingual,
    source_pages,
    subject_codes,
    translations_of,
    urls,
)
from core.api.registry import register_cbd_record

from .models import ToolkitPage

SCHEMA = "toolkit"


def toolkit_record(page: ToolkitPage) -> dict:
    pages = translations_of(page)
    languages = {language_code(p) for p in pages}
    return {
        "header": header(SCHEMA, page.translation_key, languages),
        "title": multilingual(pages, "title"),
        "summary": multilingual(pages, "summary"),
        "description": multilingual(pages, "description"),
        "subjects": subject_codes(page),
        "resourceLanguages": sorted(
            link.language for link in page.toolkit_languages.all()
        ),
        "publisher": page.publisher,
        "authors": page.authors,
        "licence": page.licence,
        "publicationDate": page.publication_date.isoformat()
        if page.publication_date
        else None,
        "country": country_ref(page.country),
        "capacityLevels": {"from": page.min_level, "to": page.max_level},
        "urls": urls(pages),
    }


def register_toolkit_records() -> None:
    register_cbd_record(
        RecordExporter(SCHEMA, lambda: source_pages(ToolkitPage), toolkit_record)
    )

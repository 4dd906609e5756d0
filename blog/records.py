"""Published news as CBD-style "news" records, for the central CHM: one record
per translation set, keyed by its translation_key, its strings in every
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

from .models import BlogPostPage

SCHEMA = "news"


def news_record(page: BlogPostPage) -> dict:
    pages = translations_of(page)
    languages = {language_code(p) for p in pages}
    return {
        "header": header(SCHEMA, page.translation_key, languages),
        "title": multilingual(pages, "title"),
        "summary": multilingual(pages, "intro"),
        "subjects": subject_codes(page),
        "language": page.language,
        "publicationDate": page.published_at.isoformat(),
        "country": country_ref(page.country),
        "authors": page.author_names,
        "originalUrl": page.source_url or None,
        "urls": urls(pages),
    }


def register_news_records() -> None:
    register_cbd_record(
        RecordExporter(SCHEMA, lambda: source_pages(BlogPostPage), news_record)
    )

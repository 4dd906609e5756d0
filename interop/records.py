"""CBD-style JSON records: what the central CHM can ingest.

A record has a header (identifier, schema, languages), multilingual strings
as `{"en": ..., "fr": ...}` built from the page's Wagtail translations (same
translation_key, other locales) and CBD subject identifiers.

Exporters are registered by schema name, so another app (cooperation case
studies, for one) adds its own with `register(RecordExporter(...))` in its
AppConfig.ready() and gets the JSON endpoint and the bulk export for free.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from community.models import Subject

SOURCE = "chm-commons"


@dataclass(frozen=True)
class RecordExporter:
    schema: str  # e.g. "toolkit": the record's kind, also its URL segment
    queryset: Callable[[], QuerySet]  # what may be exported: public things only
    to_record: Callable[[object], dict]
    # The field the identifier's last part matches (pages: translation_key).
    key_field: str = "translation_key"
    # A datetime attribute that dates a record, for Last-Modified (or None).
    modified_field: str | None = "last_published_at"


_EXPORTERS: dict[str, RecordExporter] = {}


def register(exporter: RecordExporter) -> None:
    _EXPORTERS[exporter.schema] = exporter


def exporters() -> dict[str, RecordExporter]:
    return dict(_EXPORTERS)


def exporter_for(schema: str) -> RecordExporter | None:
    return _EXPORTERS.get(schema)


def identifier(schema: str, key) -> str:
    return f"{SOURCE}:{schema}:{key}"


def header(schema: str, key, languages: Iterable[str]) -> dict:
    return {
        "identifier": identifier(schema, key),
        "schema": schema,
        "languages": sorted(languages),
        "source": settings.SITE_BASE_URL,
    }


def translations_of(page) -> list:
    """The page and its live, public translations, source locale first."""
    from wagtail.models import Page

    pages = (
        Page.objects.filter(translation_key=page.translation_key)
        .live()
        .public()
        .select_related("locale")
        .specific()
    )
    return sorted(pages, key=lambda p: (p.pk != page.pk, p.locale.language_code))


def language_code(page) -> str:
    return page.locale.language_code


def multilingual(pages: list, attribute: str) -> dict[str, str]:
    values = {}
    for page in pages:
        value = getattr(page, attribute, "")
        if value:
            values[language_code(page)] = str(value)
    return values


def subject_codes(page) -> list[dict]:
    tags = [tag.pk for tag in page.tags.all()]
    codes = Subject.objects.filter(tag__in=tags).values_list("code", flat=True)
    return [{"identifier": code} for code in sorted(codes)]


def urls(pages: list) -> dict[str, str]:
    return {
        language_code(page): settings.SITE_BASE_URL + (page.get_url() or "")
        for page in pages
    }


def country_ref(country) -> dict | None:
    return {"identifier": country.iso_code.lower()} if country else None


def toolkit_record(page) -> dict:
    pages = translations_of(page)
    languages = {language_code(p) for p in pages}
    return {
        "header": header("toolkit", page.translation_key, languages),
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


def news_record(page) -> dict:
    pages = translations_of(page)
    languages = {language_code(p) for p in pages}
    return {
        "header": header("news", page.translation_key, languages),
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


def _source_pages(model):
    """One record per translation set: the page in the default locale."""
    from wagtail.models import Locale

    return (
        model.objects.live()
        .public()
        .filter(locale=Locale.get_default())
        .select_related("country")
        .prefetch_related("tags")
        .order_by("pk")
    )


def register_builtin_exporters() -> None:
    from blog.models import BlogPostPage
    from toolkits.models import ToolkitPage

    register(
        RecordExporter("toolkit", lambda: _source_pages(ToolkitPage), toolkit_record)
    )
    register(RecordExporter("news", lambda: _source_pages(BlogPostPage), news_record))


def find_record(schema: str, key: str) -> dict | None:
    """The record whose header identifier ends in `key`; None for an unknown
    schema or key, malformed keys included."""
    exporter = exporter_for(schema)
    if exporter is None:
        return None
    try:
        obj = exporter.queryset().filter(**{exporter.key_field: key}).first()
    except (ValidationError, ValueError):
        return None
    return exporter.to_record(obj) if obj else None

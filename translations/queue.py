"""The "needs translation" queue: per language, the editorial pages whose
translation is missing, unpublished, or older than the source's last
publication (the source changed after the translation was made)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, OuterRef, QuerySet, Subquery, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from .routing import TRANSLATABLE_PAGE_TYPES

MISSING = "missing"
UNPUBLISHED = "unpublished"
OUTDATED = "outdated"
REASONS = {
    MISSING: _("No translation yet"),
    UNPUBLISHED: _("Translation not published"),
    OUTDATED: _("Source changed since the translation"),
}


def translatable_content_types() -> list[ContentType]:
    from django.apps import apps

    models = [apps.get_model(label) for label in TRANSLATABLE_PAGE_TYPES]
    return list(ContentType.objects.get_for_models(*models).values())


def needs_translation(locale: Locale, reason: str = "") -> QuerySet:
    """Live source-language pages that need work in `locale`, each annotated
    with `translation_id`, `translation_published_at` and `reason`.

    An alias (a page mirrored from the source, as Wagtail's synchronised trees
    make) shows the source text, so it counts as no translation.
    """
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    translations = Page.objects.filter(
        locale=locale,
        translation_key=OuterRef("translation_key"),
        alias_of__isnull=True,
    )
    pages = (
        Page.objects.live()
        .filter(locale=source_locale, content_type__in=translatable_content_types())
        .annotate(
            translation_id=Subquery(translations.values("pk")[:1]),
            translation_published_at=Subquery(
                translations.values("last_published_at")[:1]
            ),
        )
        .annotate(
            reason=Case(
                When(translation_id__isnull=True, then=Value(MISSING)),
                When(translation_published_at__isnull=True, then=Value(UNPUBLISHED)),
                When(
                    last_published_at__gt=F("translation_published_at"),
                    then=Value(OUTDATED),
                ),
                default=Value(""),
            )
        )
        .exclude(reason="")
        .select_related("content_type")
    )
    if reason in REASONS:
        pages = pages.filter(reason=reason)
    # What was translated and went stale first, then what is missing.
    order = Case(
        When(reason=OUTDATED, then=Value(0)),
        When(reason=UNPUBLISHED, then=Value(1)),
        default=Value(2),
    )
    return pages.order_by(order, "-last_published_at", "pk")


def target_locales() -> QuerySet:
    return Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by(
        "language_code"
    )


def counts(locale: Locale) -> dict[str, int]:
    rows = needs_translation(locale).order_by().values_list("reason", flat=True)
    result = dict.fromkeys(REASONS, 0)
    for reason in rows:
        result[reason] += 1
    return result

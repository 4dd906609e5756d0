from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import queue


def can_see_queue(user) -> bool:
    return PagePermissionPolicy().user_has_any_permission(
        user, ["add", "change", "publish"]
    )


def needs_translation(request):
    """Admin report: for one language at a time, the pages to translate."""
    if not can_see_queue(request.user):
        raise PermissionDenied
    locales = list(queue.target_locales())
    code = request.GET.get("locale", "")
    locale = next((lo for lo in locales if lo.language_code == code), None)
    if locale is None and locales:
        locale = locales[0]
    reason = request.GET.get("reason", "")
    if reason not in queue.REASONS:
        reason = ""
    paginator = Paginator(
        queue.needs_translation(locale, reason) if locale else Page.objects.none(),
        50,
    )
    pages = paginator.get_page(request.GET.get("p"))
    translations = Page.objects.in_bulk(
        [page.translation_id for page in pages if page.translation_id]
    )
    rows = [
        {
            "page": page.specific_deferred,
            "translation": translations.get(page.translation_id),
            "reason": queue.REASONS[page.reason],
            "reason_code": page.reason,
        }
        for page in pages
    ]
    return render(
        request,
        "translations/admin/needs_translation.html",
        {
            "header_title": _("Needs translation"),
            "page_title": _("Needs translation"),
            "header_icon": "globe",
            "locales": locales,
            "locale": locale,
            "reason": reason,
            "reasons": queue.REASONS,
            "counts": [
                (queue.REASONS[code], count)
                for code, count in (queue.counts(locale) if locale else {}).items()
            ],
            "rows": rows,
            "pages": pages,
        },
    )

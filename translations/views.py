from django.http import HttpResponseRedirect
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language
from wagtail import views as wagtail_views

from .languages import supported
from .routing import route_with_fallback


def serve(request, path):
    """Wagtail's page serving, with the source page as the fallback for a
    translation that does not exist yet (see `routing`)."""
    route_with_fallback(request, path)
    return wagtail_views.serve(request, path)


@require_POST
def set_language(request):
    """Django's language switcher (same page in the other language, cookie),
    which also records a signed-in member's choice as their preference."""
    response = django_set_language(request)
    language = supported(request.POST.get("language"))
    if (
        language
        and isinstance(response, HttpResponseRedirect)
        and request.user.is_authenticated
        and request.user.preferred_language != language
    ):
        request.user.preferred_language = language
        request.user.save(update_fields=["preferred_language"])
    return response

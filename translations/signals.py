from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale

from .languages import supported


@receiver(user_logged_in, dispatch_uid="translations_language_on_login")
def switch_to_preferred_language(sender, request, user, **kwargs):
    """Signing in switches the site to the member's preferred language:
    `PreferredLanguageMiddleware` writes it into the language cookie."""
    language = supported(getattr(user, "preferred_language", ""))
    if request is not None and language:
        request.language_on_login = language


@receiver(post_save, sender=Locale, dispatch_uid="translations_locale_saved")
@receiver(post_delete, sender=Locale, dispatch_uid="translations_locale_deleted")
def forget_locale_codes(sender, **kwargs):
    """`routing.locale_code` caches Locale rows; a changed row empties it."""
    from .routing import _locale_codes

    _locale_codes.clear()

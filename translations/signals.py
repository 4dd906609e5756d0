from allauth.account.signals import user_signed_up
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language, get_language_from_path
from wagtail.models import Locale

from core.languages import supported


@receiver(user_logged_in, dispatch_uid="translations_language_on_login")
def switch_to_preferred_language(sender, request, user, **kwargs):
    """Signing in switches the site to the member's preferred language, or
    for a member without one to the language of the page they signed in on
    (a /fr/ sign-in form): `PreferredLanguageMiddleware` writes it into the
    language cookie. Signing in is a choice made with a POST; merely reading
    a /fr/ page stores nothing."""
    if request is None:
        return
    language = supported(getattr(user, "preferred_language", "")) or supported(
        get_language_from_path(request.path_info)
    )
    if language:
        request.language_on_login = language


@receiver(user_signed_up, dispatch_uid="translations_language_on_signup")
def remember_signup_language(sender, request, user, **kwargs):
    """A newcomer who joined on the French pages has chosen French: keep it as
    their preferred language, or their first sign-in on another device and
    every notification email would be in English."""
    language = supported(get_language())
    if language and not user.preferred_language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


@receiver(post_save, sender=Locale, dispatch_uid="translations_locale_saved")
@receiver(post_delete, sender=Locale, dispatch_uid="translations_locale_deleted")
def forget_locale_codes(sender, **kwargs):
    """`locale_code` (core.translation_source) caches Locale rows; a changed
    row empties it."""
    from core.translation_source import _locale_codes

    _locale_codes.clear()

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .languages import supported


@receiver(user_logged_in, dispatch_uid="translations_language_on_login")
def switch_to_preferred_language(sender, request, user, **kwargs):
    """Signing in switches the site to the member's preferred language:
    `PreferredLanguageMiddleware` writes it into the language cookie."""
    language = supported(getattr(user, "preferred_language", ""))
    if request is not None and language:
        request.language_on_login = language

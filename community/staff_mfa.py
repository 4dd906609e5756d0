"""Two-factor sign-in for the Secretariat.

Every member may add an authenticator app (allauth.mfa, /accounts/2fa/);
staff must. A staff member without one is sent to set it up before the
Wagtail or Django admin answers them, and every password-only sign-in form
that would skip allauth's second step (Wagtail's and Django's admin log-in,
Wagtail's front-end log-in for private pages) leads to allauth's instead.
"""

from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# Sign-in forms that check only the password.
PASSWORD_ONLY_LOGINS = ("/admin/login/", "/django-admin/login/", "/_util/login/")


def needs_totp(user) -> bool:
    """Staff who have not yet added an authenticator app."""
    return (
        user.is_authenticated
        and (user.is_staff or user.is_superuser)
        and not is_mfa_enabled(user, [Authenticator.Type.TOTP])
    )


class StaffMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith(PASSWORD_ONLY_LOGINS):
            target = reverse("account_login")
            next_url = request.GET.get("next")
            if next_url:
                target += "?" + urlencode({"next": next_url})
            return redirect(target)
        if path.startswith(ADMIN_PREFIXES) and needs_totp(request.user):
            messages.warning(
                request,
                _(
                    "Secretariat accounts need two-factor sign-in: add an "
                    "authenticator app before using the administration."
                ),
            )
            target = reverse("mfa_activate_totp") + "?" + urlencode({"next": path})
            return redirect(target)
        return self.get_response(request)

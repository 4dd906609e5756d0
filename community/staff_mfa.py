"""Two-factor sign-in for the Secretariat and the community moderators.

Every member may add an authenticator app (allauth.mfa, /accounts/2fa/);
anyone holding a staff role must. "Staff role" means `is_staff`,
`is_superuser` or membership of the community moderators group.

Until they enrol, such an account has no staff power anywhere:

- the Wagtail and Django admin send them to set up an authenticator first;
- everywhere else `StaffMFAMiddleware` withholds their powers for the request
  (`withhold_staff_powers`): `request.user` answers `is_staff`,
  `is_superuser` and every role predicate as an ordinary member would. This
  is done once, in the middleware, rather than in each view, so a view
  written tomorrow that checks `request.user.is_staff` or calls a role
  predicate is covered without knowing about two-factor sign-in;
- the role predicates (`has_staff_powers`, behind the one moderator
  check, `community.roles.is_moderator`) refuse too, for code that acts for a user
  outside a web request (email-in, websockets, commands).

Every password-only sign-in form that would skip allauth's second step
(Wagtail's and Django's admin log-in, Wagtail's front-end log-in for private
pages) leads to allauth's instead.
"""

from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.versioned import Remembered

from .national_spaces import COMMUNITY_MODERATORS_GROUP

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# Sign-in forms that check only the password.
PASSWORD_ONLY_LOGINS = ("/admin/login/", "/django-admin/login/", "/_util/login/")
ENROL_NOTICE_SESSION_KEY = "staff_mfa_notice_shown"


# Group membership, group names and permissions are content writes (they bump
# the content version: core/content_writes.py), so a process may keep a
# member's rows until the next one.
_role_rows = Remembered("community.role_rows")


def role_rows(user) -> tuple[frozenset[tuple[int, str]], frozenset[int]]:
    """The member's groups (id, name) and the permissions given to them alone,
    read in one query once per user object (and kept by the process until
    the next content write): the moderator check below and the audience of
    members' shared pages (community.roles) both need them."""
    if not hasattr(user, "_role_rows"):
        user._role_rows = _role_rows.get(user.pk, lambda: _read_role_rows(user))
    return user._role_rows


def _read_role_rows(user) -> tuple[frozenset[tuple[int, str]], frozenset[int]]:
    rows = user._meta.model.objects.filter(pk=user.pk).values_list(
        "groups__pk", "groups__name", "user_permissions__pk"
    )
    groups = frozenset((pk, name) for pk, name, _ in rows if pk is not None)
    permissions = frozenset(perm for _, _, perm in rows if perm is not None)
    return groups, permissions


def in_moderators_group(user) -> bool:
    """Membership of the community moderators group, asked once per user object."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_in_moderators_group"):
        groups, _ = role_rows(user)
        user._in_moderators_group = any(
            name == COMMUNITY_MODERATORS_GROUP for _, name in groups
        )
    return user._in_moderators_group


def holds_staff_role(user) -> bool:
    """Whether the account was given a staff role, enrolled or not."""
    if not user.is_authenticated:
        return False
    staff, superuser = getattr(
        user, "_withheld_staff_flags", (user.is_staff, user.is_superuser)
    )
    return staff or superuser or in_moderators_group(user)


def needs_totp(user) -> bool:
    """Staff who have not yet added an authenticator app."""
    if not holds_staff_role(user):
        return False
    if not hasattr(user, "_has_totp"):
        user._has_totp = is_mfa_enabled(user, [Authenticator.Type.TOTP])
    return not user._has_totp


def has_staff_powers(user) -> bool:
    """The one gate in front of every staff role: enrolled in two-factor sign-in."""
    return holds_staff_role(user) and not needs_totp(user)


def withhold_staff_powers(user) -> None:
    """Make this user object an ordinary member's for the rest of the request.

    Only the in-memory object changes; `User.save()` writes the real flags
    back, so saving a profile form never strips a role."""
    if hasattr(user, "_withheld_staff_flags"):
        return
    user._withheld_staff_flags = (user.is_staff, user.is_superuser)
    user.is_staff = False
    user.is_superuser = False
    user._in_moderators_group = False


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
        if needs_totp(request.user):
            if path.startswith(ADMIN_PREFIXES):
                messages.warning(
                    request,
                    _(
                        "Secretariat accounts need two-factor sign-in: add an "
                        "authenticator app before using the administration."
                    ),
                )
                target = reverse("mfa_activate_totp") + "?" + urlencode({"next": path})
                return redirect(target)
            withhold_staff_powers(request.user)
            if not request.session.get(ENROL_NOTICE_SESSION_KEY):
                request.session[ENROL_NOTICE_SESSION_KEY] = True
                messages.warning(
                    request,
                    _(
                        "Your staff and moderator powers are switched off until "
                        "you add an authenticator app (two-factor sign-in) in "
                        "your account settings."
                    ),
                )
        return self.get_response(request)

"""Who is a community moderator: the one predicate, in Python and in SQL.

A community moderator is a superuser or a member of the community moderators
group (`COMMUNITY_MODERATORS_GROUP`, not Wagtail's editorial "Moderators",
`toolkits.workflows.PAGE_MODERATORS_GROUP`), and holds the role only once
enrolled in two-factor sign-in (`community.staff_mfa`). The forums, the
expert directory and every audience of moderators ask here:

- `is_moderator(user)`: for one user object (answered once per object);
- `moderator_q()` / `moderators(users)`: the same rule as a query, for lists
  of recipients and other sets of members.
"""

from allauth.mfa.models import Authenticator
from django.db.models import Exists, OuterRef, Q

from .national_spaces import COMMUNITY_MODERATORS_GROUP
from .staff_mfa import has_staff_powers, in_moderators_group, role_rows

__all__ = [
    "COMMUNITY_MODERATORS_GROUP",
    "is_moderator",
    "moderator_q",
    "moderators",
]


def is_moderator(user) -> bool:
    """Superusers and community moderators, once enrolled in two-factor sign-in."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_moderator"):
        user._is_moderator = (
            user.is_superuser or in_moderators_group(user)
        ) and has_staff_powers(user)
    return user._is_moderator


def moderator_q() -> Q:
    """`is_moderator` as a filter on users: a superuser or in the group, with
    an authenticator app (request-time withholding, `withhold_staff_powers`,
    has no SQL counterpart and needs none: it follows from the same enrolment)."""
    enrolled = Exists(
        Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
    )
    return (Q(is_superuser=True) | Q(groups__name=COMMUNITY_MODERATORS_GROUP)) & Q(
        enrolled
    )


def moderators(users):
    """The community moderators among `users` (a QuerySet of users)."""
    return users.filter(moderator_q()).distinct()


def audience_part(user) -> str:
    """What of a member's roles decides what they may see, for the pages
    members share (core/member_pages.py): their groups (focal points and
    editors of a country, moderators...), the permissions given to them
    alone, and whether the moderator role is in force (two-factor sign-in)."""
    groups, permissions = role_rows(user)
    return (
        f"g{','.join(str(pk) for pk, _ in sorted(groups))}"
        f"p{','.join(map(str, sorted(permissions)))}m{int(is_moderator(user))}"
    )

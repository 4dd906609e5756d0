"""Who a member is in the forums: moderator, focal point, new member."""

from datetime import timedelta

from django.utils import timezone

from community.national_spaces import MODERATORS_GROUP  # noqa: F401 (re-exported)
from community.staff_mfa import has_staff_powers, in_moderators_group

NEW_MEMBER_DAYS = 3
NEW_MEMBER_POSTS = 3


def is_moderator(user) -> bool:
    """Superusers and community moderators, once enrolled in two-factor sign-in."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_forum_moderator"):
        user._is_forum_moderator = (
            user.is_superuser or in_moderators_group(user)
        ) and has_staff_powers(user)
    return user._is_forum_moderator


def is_any_focal_point(user) -> bool:
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_any_focal_point"):
        from community.models import CountryPage

        user._is_any_focal_point = CountryPage.objects.filter(
            focal_point_group__user=user
        ).exists()
    return user._is_any_focal_point


def is_new_member(user) -> bool:
    """Trust level 0: joined in the last few days and has written little yet."""
    from .models import Post

    if is_moderator(user) or user.is_staff:
        return False
    if user.date_joined < timezone.now() - timedelta(days=NEW_MEMBER_DAYS):
        return False
    return (
        Post.objects.filter(author=user, is_deleted=False, is_hidden=False)[
            :NEW_MEMBER_POSTS
        ].count()
        < NEW_MEMBER_POSTS
    )

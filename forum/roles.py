"""Who a member is in the forums: focal point, new member. Whether they
moderate is community's answer (`community.roles.is_moderator`)."""

from datetime import timedelta

from django.utils import timezone

from community.roles import is_moderator

NEW_MEMBER_DAYS = 3
NEW_MEMBER_POSTS = 3


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

"""One moderator predicate: the Python answer and the SQL filter agree, and
the two groups called "moderators" are never confused."""

import pytest

from community.models import User
from community.national_spaces import COMMUNITY_MODERATORS_GROUP, make_moderator
from community.roles import is_moderator, moderators
from toolkits.workflows import PAGE_MODERATORS_GROUP, page_moderators_group

from ..factories import UserFactory, enrol_in_two_factor

pytestmark = pytest.mark.django_db


def test_the_sql_filter_picks_exactly_the_members_is_moderator_accepts():
    member = UserFactory()
    secretariat = UserFactory(is_superuser=True, is_staff=True)
    unenrolled_secretariat = UserFactory(is_superuser=True, authenticator=False)
    moderator = enrol_in_two_factor(UserFactory())
    make_moderator(moderator)
    unenrolled = UserFactory(authenticator=False)
    make_moderator(unenrolled)
    editor = UserFactory()
    editor.groups.add(page_moderators_group())
    staff = UserFactory(is_staff=True)

    everyone = [
        member,
        secretariat,
        unenrolled_secretariat,
        moderator,
        unenrolled,
        editor,
        staff,
    ]
    expected = {
        user.pk for user in everyone if is_moderator(User.objects.get(pk=user.pk))
    }
    assert expected == {secretariat.pk, moderator.pk}
    found = moderators(User.objects.filter(pk__in=[user.pk for user in everyone]))
    assert set(found.values_list("pk", flat=True)) == expected


def test_the_two_moderators_groups_are_different_groups():
    assert COMMUNITY_MODERATORS_GROUP != PAGE_MODERATORS_GROUP

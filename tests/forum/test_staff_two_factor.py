"""Issue #19: staff roles have no power anywhere until two-factor sign-in is set up.

A staff or moderator account whose password leaks must not be enough to
moderate, lock topics or edit cooperation requests on the site (the admin was
already guarded); once the member adds an authenticator app, the powers work.
"""

import pytest

from community.national_spaces import make_moderator
from forum.errors import NotAllowed
from forum.models import ModerationLog, Post, Topic
from forum.moderation import lock_topic

from ..factories import UserFactory, enrol_in_two_factor, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def unenrolled(network):
    """Each kind of staff role, none with an authenticator app."""
    secretariat = UserFactory(is_staff=True, is_superuser=True, authenticator=False)
    moderator = UserFactory()
    make_moderator(moderator)
    return {"secretariat": secretariat, "moderator": moderator}


@pytest.mark.parametrize("role", ["secretariat", "moderator"])
def test_unenrolled_staff_cannot_lock_or_hide_and_are_told_to_enrol(
    client, forums, author, unenrolled, role
):
    user = unenrolled[role]
    topic = make_topic(forums.public, author, replies=1, title="Busy thread")
    reply = topic.posts.get(number=2)
    client.force_login(user)

    page = client.get(topic.get_absolute_url(), follow=True)
    assert "authenticator app" in page.content.decode()
    client.post(f"/forums/t/{topic.pk}/lock/")
    client.post(f"/forums/post/{reply.pk}/hide/")
    assert client.get("/forums/moderation/").status_code == 403
    topic.refresh_from_db()
    reply.refresh_from_db()
    assert not topic.is_locked and not reply.is_hidden
    assert not ModerationLog.objects.exists()
    # Outside a web request (email-in, commands) the predicate refuses too.
    with pytest.raises(NotAllowed):
        lock_topic(Topic.objects.get(pk=topic.pk), type(user).objects.get(pk=user.pk))

    enrol_in_two_factor(user)
    client.post(f"/forums/t/{topic.pk}/lock/")
    client.post(f"/forums/post/{reply.pk}/hide/")
    topic.refresh_from_db()
    assert topic.is_locked and Post.objects.get(pk=reply.pk).is_hidden


def test_a_save_while_powers_are_withheld_keeps_the_real_flags(unenrolled):
    """The flags are switched off in memory only: a profile form saving the
    user in the same request must not strip the role for good."""
    from community.staff_mfa import withhold_staff_powers

    staff = unenrolled["secretariat"]
    withhold_staff_powers(staff)
    assert not staff.is_staff and not staff.is_superuser
    staff.display_name = "Renamed"
    staff.save()
    assert not staff.is_staff  # still withheld for the rest of the request
    staff.refresh_from_db()
    assert staff.display_name == "Renamed"
    assert staff.is_staff and staff.is_superuser

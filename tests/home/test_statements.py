"""The plain statements of the reads every signed-in request makes
(core/statements.py, core/sessions.py): each answers what the ORM query it
replaces answers, on SQLite and on PostgreSQL."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community.models import User
from core.sessions import SessionStore
from core.statements import Statement
from forum.models import PostLike, Topic
from notifications.models import Notification, Subscription, WatchLevel

from ..factories import (
    PostFactory,
    TopicFactory,
    UserFactory,
    login,
    make_notifications,
)

pytestmark = pytest.mark.django_db


def _stored_session(**data) -> str:
    store = DjangoStore()
    store.update(data)
    store.create()
    return store.session_key


def test_a_live_session_reads_as_django_reads_it():
    key = _stored_session(colour="green", numbers=[1, 2])
    ours = SessionStore(key)
    with CaptureQueriesContext(connection) as queries:
        data = ours.load()
    assert len(queries) == 1
    assert data == DjangoStore(key).load() == {"colour": "green", "numbers": [1, 2]}
    assert ours.session_key == key


@pytest.mark.parametrize("case", ["expired", "unknown", "tampered", "no key"])
def test_a_dead_session_reads_as_empty_with_no_key(case):
    key = _stored_session(colour="green")
    if case == "expired":
        Session.objects.filter(session_key=key).update(
            expire_date=timezone.now() - timedelta(seconds=1)
        )
    elif case == "unknown":
        key = "x" * 32
    elif case == "tampered":
        Session.objects.filter(session_key=key).update(session_data="not:signed")
    elif case == "no key":
        key = None
    ours, django = SessionStore(key), DjangoStore(key)
    assert ours.load() == django.load() == {}
    assert ours.session_key == django.session_key


def test_signing_in_and_out_goes_through_the_store(client):
    member = UserFactory()
    client.force_login(member)
    key = client.cookies["sessionid"].value
    assert SessionStore(key).load()["_auth_user_id"] == str(member.pk)
    assert client.get("/accounts/email/").status_code == 200
    client.post("/accounts/logout/")
    assert SessionStore(key).load() == {}
    assert client.get("/accounts/email/").status_code == 302


def _fields(user) -> dict:
    return {field.attname: getattr(user, field.attname) for field in User._meta.fields}


def test_a_member_by_pk_is_the_member_the_orm_loads(network):
    member = UserFactory(country=network.benin, languages=["fr", "en"])
    member.refresh_from_db()
    with CaptureQueriesContext(connection) as queries:
        found = User.objects.get(pk=member.pk)
    assert len(queries) == 1
    assert _fields(found) == _fields(User.objects.filter(pk=member.pk).get())
    assert found.languages == ["fr", "en"]  # JSON, decoded as the ORM does
    assert found._state.adding is False
    assert found._state.db == "default"
    assert User.objects.get(pk=str(member.pk)) == member


def test_a_missing_or_malformed_pk_fails_as_with_the_orm():
    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=10**9)
    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=None)
    with pytest.raises(ValueError):
        User.objects.get(pk="not a number")


def test_a_signed_in_request_loads_the_member_whole(network):
    member = UserFactory(country=network.benin, languages=["es"])
    response = login(member).get("/accounts/email/")
    user = response.wsgi_request.user
    assert user.pk == member.pk
    assert user.languages == ["es"]
    assert user.country_id == network.benin.pk


def test_the_bells_count_is_the_unread_notifications_of_this_member():
    member, other = UserFactory(), UserFactory()
    make_notifications(member, 5)
    Notification.objects.filter(title__in=["Reply 3", "Reply 4"]).update(
        read_at=timezone.now()
    )
    make_notifications(other, 4)
    assert Notification.objects.unread_count(member) == 3
    assert (
        Notification.objects.unread_count(member)
        == Notification.objects.for_user(member).unread().count()
    )
    assert Notification.objects.unread_count(UserFactory()) == 0
    assert Notification.objects.unread_count(AnonymousUser()) == 0


def test_likes_are_this_members_among_the_posts_asked():
    member, other = UserFactory(), UserFactory()
    topic = TopicFactory()
    posts = [PostFactory(topic=topic) for _ in range(4)]
    PostLike.objects.create(user=member, post=posts[0])
    PostLike.objects.create(user=member, post=posts[3])
    PostLike.objects.create(user=other, post=posts[1])
    asked = [posts[0].pk, posts[1].pk, posts[2].pk]
    assert PostLike.objects.liked_by(member, asked) == {posts[0].pk}
    assert PostLike.objects.liked_by(other, asked) == {posts[1].pk}
    assert PostLike.objects.liked_by(member, []) == set()
    assert PostLike.objects.liked_by(AnonymousUser(), asked) == set()


def test_watch_levels_are_this_members_for_this_kind():
    member, other = UserFactory(), UserFactory()
    followed, quiet, unfollowed = TopicFactory(), TopicFactory(), TopicFactory()
    Subscription.objects.create(user=member, target=followed, level=WatchLevel.WATCHING)
    Subscription.objects.create(user=member, target=quiet, level=WatchLevel.MUTED)
    Subscription.objects.create(user=other, target=unfollowed)
    # A member followed with the same id is another kind of thing.
    Subscription.objects.create(user=member, target=User(pk=unfollowed.pk))
    ids = [followed.pk, quiet.pk, unfollowed.pk]
    assert Subscription.objects.levels(member, Topic, ids) == {
        followed.pk: WatchLevel.WATCHING,
        quiet.pk: WatchLevel.MUTED,
    }
    assert Subscription.objects.levels(other, Topic, ids) == {
        unfollowed.pk: WatchLevel.WATCHING
    }
    assert Subscription.objects.levels(member, Topic, []) == {}


def test_a_statement_names_only_what_the_model_has():
    with pytest.raises(Exception, match="no field named 'colour'"):
        Statement(User, "SELECT {colour} FROM {table}").rows([])
    with pytest.raises(ValueError, match="not a name"):
        Statement(User, "SELECT {id.real} FROM {table}").rows([])
    with pytest.raises(ValueError, match="at least one value"):
        Statement(User, "SELECT {id} FROM {table} WHERE {id} IN ({many})").rows([], [])


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements: PostgreSQL"
)
def test_postgresql_prepares_a_statement_run_again_and_again():
    member = UserFactory()
    for _ in range(6):
        assert Notification.objects.unread_count(member) == 0
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements "
            "WHERE statement LIKE %s AND statement LIKE %s",
            ["%COUNT(*)%", '%"notifications_notification"%'],
        )
        assert cursor.fetchone()[0] == 1

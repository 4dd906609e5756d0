"""Answers a process keeps per content version (core/versioned.py): a
member's groups and permissions (community/staff_mfa.py) and whether they
have a topic or post others may not see (forum/personal.py). They save a
query each on every member's request, and the next committed content write
drops them, so a role or a held post counts from the next request on."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.staff_mfa import role_rows
from core import member_pages, versioned
from core.content_writes import content_version
from notifications.models import Notification

from ..factories import add_post, established, login, make_topic, topic_url

pytestmark = [pytest.mark.django_db, pytest.mark.shared_world("people", "forums")]


@pytest.fixture
def topic(forums):
    writer = established(username="kept.writer")
    return make_topic(forums.public, writer, replies=3, title="Seed banks")


def roles_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum('"groups__name"' in q["sql"] for q in queries)


def test_a_members_groups_are_read_once_per_content_version(
    topic, django_capture_on_commit_callbacks
):
    member = established(username="kept.member")
    client = login(member)
    url = topic_url(topic)
    assert roles_queries(client, url) == 1
    assert roles_queries(client, url) == 0
    with django_capture_on_commit_callbacks(execute=True):
        add_post(topic, established(username="another"), "News", number=5)
    assert roles_queries(client, url) == 1


def test_a_group_change_counts_on_the_next_request(
    topic, django_capture_on_commit_callbacks
):
    member = established(username="kept.member")
    client = login(member)
    url = topic_url(topic)
    first = client.get(url)
    group = Group.objects.create(name="Editors of the glossary")
    with django_capture_on_commit_callbacks(execute=True):
        member.groups.add(group)
    second = client.get(url)
    assert second[member_pages.RESPONSE_HEADER] == "member-miss"
    assert first[member_pages.RESPONSE_HEADER] == "member-miss"
    # So does a permission given to the group afterwards.
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        group.permissions.add(Permission.objects.get(codename="add_topic"))
    assert content_version() != before
    assert roles_queries(client, url) == 1


def test_a_post_held_after_the_answer_was_kept_is_never_shared(
    topic, forums, django_capture_on_commit_callbacks
):
    writer = established(username="kept.held")
    reader = established(username="kept.reader")
    url = topic_url(topic)
    client = login(writer)
    assert client.get(url)[member_pages.RESPONSE_HEADER] == "member-miss"
    assert client.get(url)[member_pages.RESPONSE_HEADER] == "member-hit"
    with django_capture_on_commit_callbacks(execute=True):
        add_post(topic, writer, "Waiting for a moderator", number=5, is_held=True)
    mine = client.get(url)
    assert mine.get(member_pages.RESPONSE_HEADER) is None  # their own, not stored
    assert "Waiting for a moderator" in mine.content.decode()
    others = login(reader).get(url)
    assert "Waiting for a moderator" not in others.content.decode()


def test_nothing_is_kept_outside_a_request_or_without_the_cache(monkeypatch):
    member = established(username="kept.outside")
    calls = []
    table = versioned.Remembered("test.outside")

    def ask():
        calls.append(1)
        return len(calls)

    assert table.get(member.pk, ask) == 1
    assert table.get(member.pk, ask) == 2  # no request: asked every time
    token = versioned._request_version.set([versioned._UNREAD])
    try:
        assert table.get(member.pk, ask) == 3
        assert table.get(member.pk, ask) == 3  # kept within the version
    finally:
        versioned._request_version.reset(token)
    monkeypatch.setattr(versioned, "readable_content_version", lambda: None)
    token = versioned._request_version.set([versioned._UNREAD])
    try:
        assert table.get(member.pk, ask) == 4  # the cache unreadable: asked
        assert table.get(member.pk, ask) == 5
    finally:
        versioned._request_version.reset(token)


def test_role_rows_outside_a_request_read_the_database(
    django_capture_on_commit_callbacks,
):
    member = established(username="kept.rows")
    assert role_rows(member) == (frozenset(), frozenset())
    group = Group.objects.create(name="Glossary")
    member.groups.add(group)
    member = type(member).objects.get(pk=member.pk)
    assert role_rows(member)[0] == frozenset({(group.pk, "Glossary")})


def test_the_headers_kept_links_follow_the_member_and_their_count(
    topic, django_capture_on_commit_callbacks
):
    member = established(username="kept.header", display_name="Amina")
    client = login(member)
    url = topic_url(topic)
    page = client.get(url).content.decode()
    assert "<bdi>Amina</bdi>" in page
    assert 'class="bell-count" aria-live="polite" hidden>0<' in page
    # A notification changes the count at once (it is part of the key).
    Notification.objects.create(
        recipient=member, kind="news", title="News", url="/", event_key="news:1"
    )
    page = client.get(url).content.decode()
    assert 'class="bell-count" aria-live="polite">1<' in page
    # A new name is a write to the member: the kept links are dropped.
    with django_capture_on_commit_callbacks(execute=True):
        member.display_name = "Amina K."
        member.save()
    page = client.get(url).content.decode()
    assert "<bdi>Amina K.</bdi>" in page
    # Another member never gets the first one's links or token.
    other = login(established(username="kept.other", display_name="Brice"))
    theirs = other.get(url).content.decode()
    assert "Amina" not in theirs.split("<main", 1)[0]
    assert "<bdi>Brice</bdi>" in theirs


def test_a_process_serves_a_page_it_has_served_without_the_shared_cache(
    topic, monkeypatch, django_capture_on_commit_callbacks
):
    """The stored page and the forms of its parts, kept per content version:
    once served, the process reads only the content version from the cache,
    and a write (by any process: it bumps the shared version) is there at
    the next request."""
    reader = established(username="kept.pages")
    url = topic_url(topic)
    client = login(reader)
    assert client.get(url)[member_pages.RESPONSE_HEADER] == "member-miss"
    read = []
    real_get, real_get_many = cache.get, cache.get_many
    monkeypatch.setattr(
        cache, "get", lambda key, *a, **k: read.append(key) or real_get(key, *a, **k)
    )
    monkeypatch.setattr(
        cache,
        "get_many",
        lambda keys, *a, **k: read.extend(keys) or real_get_many(keys, *a, **k),
    )
    assert client.get(url)[member_pages.RESPONSE_HEADER] == "member-hit"
    assert any(key.startswith("member-page:") for key in read)
    read.clear()
    # Another member of the same audience, in the same process.
    other = login(established(username="kept.pages.other"))
    page = other.get(url)
    assert page[member_pages.RESPONSE_HEADER] == "member-hit"
    assert not [key for key in read if key.startswith(("member-page", "member-part"))]
    with django_capture_on_commit_callbacks(execute=True):
        add_post(topic, established(username="kept.pages.writer"), "Fresh news", 5)
    fresh = client.get(url)
    assert "Fresh news" in fresh.content.decode()
    assert fresh[member_pages.RESPONSE_HEADER] == "member-miss"

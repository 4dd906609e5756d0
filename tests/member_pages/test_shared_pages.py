"""Members' shared pages (core/member_pages.py): one rendering per audience,
the personal parts filled in for each member.

The rule every test here checks in its own way: a member served a stored
page gets exactly the page they would get rendered for them alone (CSRF
tokens aside, which differ on every rendering), and never anything of the
member it was first rendered for.
"""

import re

import pytest
from django.test import Client, override_settings

from community.national_spaces import (
    assign_focal_point,
    assign_national_editor,
    make_moderator,
)
from core import member_pages
from forum import posting
from forum.models import PostLike, Topic, TopicReadState
from messaging.models import Block
from notifications.models import WatchLevel
from notifications.subscriptions import set_watch_level

from ..factories import (
    ToolkitLibraryPageFactory,
    UserFactory,
    add_post,
    enrol_in_two_factor,
    established,
    login,
    make_national_site,
    make_topic,
    news,
    topic_url,
)

pytestmark = [pytest.mark.django_db, pytest.mark.shared_world("people", "forums")]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def without_tokens(response) -> str:
    return TOKEN.sub('name="csrfmiddlewaretoken" value=""', response.content.decode())


@pytest.fixture
def scene(network, forums, people):
    """A topic with replies by several members; the library; a member with
    likes, a follow and notifications, and another with none of that."""
    ToolkitLibraryPageFactory(parent=network.home, title="Toolkits", slug="toolkits")
    first = established(username="first.member", display_name="First Member")
    second = established(username="second.member", display_name="Second Member")
    topic = make_topic(forums.public, first, replies=4, title="Mangroves")
    add_post(topic, second, "A reply by the second member", number=6)
    third = established(username="third.member")
    liked = add_post(topic, third, "A reply by a third member", number=7)
    Topic.objects.filter(pk=topic.pk).update(post_count=7, reply_count=6)
    topic.refresh_from_db()
    posting.like_post(liked, first)
    set_watch_level(first, topic, WatchLevel.WATCHING)
    return {
        "topic": topic,
        "first": first,
        "second": second,
        "pages": {
            "home": "/",
            "country": network.benin.url,
            "forum index": "/forums/",
            "topic": topic_url(topic),
            "library": "/toolkits/",
        },
    }


def alone(client, url: str) -> str:
    """The page rendered for this member only (shared pages off, and no part
    kept by the process)."""
    with override_settings(CHM_MEMBER_PAGE_CACHE_SECONDS=0, CHM_KEPT_ANSWER_SECONDS=0):
        response = client.get(url)
    assert response.get(member_pages.RESPONSE_HEADER) is None
    return without_tokens(response)


PAGES = ["home", "country", "forum index", "topic", "library"]


@pytest.mark.parametrize("page", PAGES)
def test_a_stored_page_is_the_one_rendered_for_the_member_alone(scene, page):
    url = scene["pages"][page]
    first, second = login(scene["first"]), login(scene["second"])
    stored = first.get(url)
    assert stored.status_code == 200
    assert stored[member_pages.RESPONSE_HEADER] == "member-miss"
    served = second.get(url)
    assert served[member_pages.RESPONSE_HEADER] == "member-hit"
    assert without_tokens(served) == alone(second, url)
    # And the other way round: the first member's own parts, from the store.
    again = first.get(url)
    assert again[member_pages.RESPONSE_HEADER] == "member-hit"
    assert without_tokens(again) == alone(first, url)
    assert "<!--chm:" not in served.content.decode()


def twin(role: str, people, network):
    """A second account in the same role as `people.<role>`."""
    other = UserFactory(username=f"second.{role}")
    if role == "moderator":
        make_moderator(enrol_in_two_factor(other))
    elif role == "focal_benin":
        assign_focal_point(other, network.benin)
    elif role == "editor_benin":
        assign_national_editor(other, network.benin)
    elif role == "staff":
        other.is_staff = other.is_superuser = True
        other.save()
        enrol_in_two_factor(other)
    return other


ROLES = ["moderator", "focal_benin", "editor_benin", "staff"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["country", "topic"])
def test_each_role_shares_its_pages_with_its_own_role_only(
    scene, people, network, role, page, django_capture_on_commit_callbacks
):
    url = scene["pages"][page]
    with django_capture_on_commit_callbacks(execute=True):
        news(network.benin, "A draft of Benin's news", live=False)
        # A new focal point is listed on the country page: a content write.
        other = twin(role, people, network)
    first = login(getattr(people, role))
    first.get(url)
    served = login(other).get(url)
    assert served[member_pages.RESPONSE_HEADER] == "member-hit"
    assert without_tokens(served) == alone(login(other), url)
    member = login(scene["second"]).get(url)
    assert member[member_pages.RESPONSE_HEADER] == "member-miss"
    assert "A draft of Benin" not in member.content.decode()
    assert without_tokens(member) == alone(login(scene["second"]), url)


def test_a_member_who_blocks_another_gets_the_same_pages_and_keeps_it_to_themself(
    scene,
):
    Block.objects.create(blocker=scene["second"], blocked=scene["first"])
    url = scene["pages"]["topic"]
    login(scene["first"]).get(url)
    served = login(scene["second"]).get(url)
    assert served[member_pages.RESPONSE_HEADER] == "member-hit"
    assert without_tokens(served) == alone(login(scene["second"]), url)
    third = established(username="fourth.member")
    page = login(third).get(url).content.decode()
    assert "block" not in page.lower().replace("blockquote", "")


def test_the_stored_topic_is_personal_where_it_must_be(scene):
    """Likes, edit links, the follow control and the bell are each member's."""
    url = scene["pages"]["topic"]
    first, second = scene["first"], scene["second"]
    login(first).get(url)
    page = login(second).get(url).content.decode()
    # The second member wrote post 6: they may edit it, not the first's.
    own = scene["topic"].posts.get(number=6)
    theirs = scene["topic"].posts.get(number=2)
    assert f"post/{own.pk}/edit/" in page
    assert f"post/{theirs.pk}/edit/" not in page
    # The first member liked post 7 and follows the topic; the second did not.
    liked = scene["topic"].posts.get(number=7)
    assert f'id="like-button-{liked.pk}" aria-pressed="false"' in page
    assert 'aria-pressed="true"' not in page
    assert "Second Member" in page and "First Member" in page  # authors, header
    header = page.split('<div class="account-nav">')[1].split("</header>")[0]
    assert "Second Member" in header and "First Member" not in header
    first_page = login(first).get(url).content.decode()
    assert f'id="like-button-{liked.pk}" aria-pressed="true"' in first_page


def test_the_stored_page_carries_no_members_token_and_each_gets_a_working_one(
    scene, monkeypatch
):
    stored = []
    keep = member_pages.cache.set

    def spy(key, value, *args, **kwargs):
        stored.append(value)
        return keep(key, value, *args, **kwargs)

    monkeypatch.setattr(member_pages.cache, "set", spy)
    url = scene["pages"]["topic"]
    first_page = login(scene["first"]).get(url).content.decode()
    first_tokens = set(re.findall(r'csrfmiddlewaretoken" value="([^"]+)"', first_page))
    assert first_tokens and stored
    for entry in stored:
        assert not any(token in str(entry) for token in first_tokens)
    second = Client(enforce_csrf_checks=True)
    second.force_login(scene["second"])
    page = second.get(url)
    assert page[member_pages.RESPONSE_HEADER] == "member-hit"
    token = re.search(r'csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    assert token not in first_tokens
    # One masked token for the whole response, whichever part carries it.
    tokens = re.findall(r'csrfmiddlewaretoken" value="([^"]*)"', page.content.decode())
    assert len(tokens) > 2
    assert set(tokens) == {token}
    post = scene["topic"].posts.get(number=2)
    response = second.post(
        f"/forums/post/{post.pk}/like/", {"csrfmiddlewaretoken": token}
    )
    assert response.status_code in (200, 302)
    assert PostLike.objects.filter(post=post, user=scene["second"]).exists()


def test_private_forums_stay_with_their_audience(scene, people, forums):
    make_topic(forums.focal, people.focal_benin, title="Focal points only topic")
    make_topic(forums.members, scene["first"], title="Members lounge topic")
    focal = login(people.focal_benin).get("/forums/").content.decode()
    assert "Focal points" in focal
    member = login(scene["second"]).get("/forums/")
    assert member[member_pages.RESPONSE_HEADER] == "member-miss"
    assert "Focal points only topic" not in member.content.decode()
    assert ">Focal points<" not in member.content.decode()
    # The focal points of another country see the focal points' forum too,
    # and share nothing with Benin's (their groups differ).
    kenya = login(people.focal_kenya).get("/forums/")
    assert kenya[member_pages.RESPONSE_HEADER] == "member-miss"


def test_a_member_with_a_post_held_for_review_gets_pages_of_their_own(scene, forums):
    topic = scene["topic"]
    url = scene["pages"]["topic"]
    login(scene["first"]).get(url)
    writer = established(username="held.writer")
    add_post(topic, writer, "Waiting for a moderator", number=8, is_held=True)
    mine = login(writer).get(url)
    assert mine.get(member_pages.RESPONSE_HEADER) is None
    assert "Waiting for a moderator" in mine.content.decode()
    other = login(scene["second"]).get(url)
    assert "Waiting for a moderator" not in other.content.decode()


def test_a_reply_reaches_every_member_on_the_next_request(
    scene, django_capture_on_commit_callbacks
):
    url = scene["pages"]["topic"]
    first, second = login(scene["first"]), login(scene["second"])
    first.get(url)
    second.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        posting.reply(scene["topic"], scene["second"], "Fresh news from the coast")
    for client in (first, second):
        page = client.get(url)
        assert "Fresh news from the coast" in page.content.decode()


def test_a_like_and_a_follow_show_at_once_to_the_member(scene):
    url = scene["pages"]["topic"]
    second = login(scene["second"])
    second.get(url)
    post = scene["topic"].posts.get(number=7)
    second.post(f"/forums/post/{post.pk}/like/")
    page = second.get(url).content.decode()
    assert f'id="like-button-{post.pk}" aria-pressed="true"' in page
    set_watch_level(scene["second"], scene["topic"], WatchLevel.WATCHING)
    page = second.get(url).content.decode()
    assert 'class="follow-button" aria-pressed="true"' in page
    # The first member sees the like counted, and their own still pressed.
    first_page = login(scene["first"]).get(url).content.decode()
    assert f'id="like-button-{post.pk}" aria-pressed="true"' in first_page
    assert "2 likes<" in first_page


def test_reading_a_stored_topic_moves_the_read_mark(scene):
    url = scene["pages"]["topic"]
    login(scene["first"]).get(url)
    second = login(scene["second"])
    assert second.get(url)[member_pages.RESPONSE_HEADER] == "member-hit"
    mark = TopicReadState.objects.get(user=scene["second"], topic=scene["topic"])
    assert mark.last_read_number == scene["topic"].post_count


def test_messages_waiting_are_shown_not_a_stored_page(scene):
    url = scene["pages"]["forum index"]
    login(scene["first"]).get(url)
    second = login(scene["second"])
    topic = scene["topic"]
    response = second.post(
        f"/forums/{topic.forum.slug}/follow/", {"level": "watching", "next": url}
    )
    assert response.status_code == 302
    page = second.get(url)
    assert page.get(member_pages.RESPONSE_HEADER) is None
    assert "You are following this now." in page.content.decode()


def test_a_marker_written_in_a_post_is_never_filled(scene):
    forged = f"<!--chm:{member_pages.seal()}:home.account_nav:-->"
    topic = scene["topic"]
    posting.reply(topic, scene["second"], f"Look {forged} here")
    page = login(scene["first"]).get(scene["pages"]["topic"]).content.decode()
    body = page.split("Look", 1)[1].split("here", 1)[0]
    assert "bell-count" not in body


def test_a_focal_point_made_by_a_group_change_gets_their_audience_at_once(
    scene, network, django_capture_on_commit_callbacks
):
    url = scene["pages"]["country"]
    member = login(scene["second"])
    before = member.get(url)
    # Committed, as in production: the content version moves, and with it
    # what the process kept of the member's groups (core/versioned.py).
    with django_capture_on_commit_callbacks(execute=True):
        assign_focal_point(scene["second"], network.benin)
    after = member.get(url)
    assert after[member_pages.RESPONSE_HEADER] == "member-miss"
    assert without_tokens(after) == alone(member, url)
    assert without_tokens(before) != without_tokens(after)


def test_a_national_sites_home_is_shared_with_its_own_header_filled_in(
    scene, network, subjects
):
    make_national_site(network.benin)
    host = {"HTTP_HOST": "bj.localhost"}
    first, second = login(scene["first"]), login(scene["second"])
    assert first.get("/", **host)[member_pages.RESPONSE_HEADER] == "member-miss"
    served = second.get("/", **host)
    assert served[member_pages.RESPONSE_HEADER] == "member-hit"
    html = without_tokens(served)
    assert "national-header" in html
    header = html.split("national-header")[1].split("</header>")[0]
    assert "Second Member" in header and "First Member" not in header
    with override_settings(CHM_MEMBER_PAGE_CACHE_SECONDS=0):
        alone_html = without_tokens(second.get("/", **host))
    assert html == alone_html
    # The network's own country page is another page, stored apart.
    assert second.get(network.benin.url)[member_pages.RESPONSE_HEADER] == "member-miss"

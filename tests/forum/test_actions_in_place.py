"""Issue 20: like, solution and mark-read work in place under htmx and as
plain forms without JavaScript, with the same permissions either way."""

import pytest

from forum.models import PostLike, Topic, TopicReadState
from forum.views.topics import TOPICS_PER_PAGE

from ..factories import established, make_topic
from ..factories import topic_url as url

HTMX = {"HX-Request": "true"}


@pytest.fixture
def member(db):
    return established(username="wanjiru", display_name="Wanjiru")


@pytest.fixture
def other(db):
    return established(username="kofi", display_name="Kofi")


@pytest.fixture
def topic(forums, author):
    return make_topic(forums.public, author, replies=2, title="Seed banks")


def action(topic, number: int, name: str) -> str:
    return f"/forums/post/{topic.posts.get(number=number).pk}/{name}/"


def varies_on_htmx(response) -> bool:
    return "HX-Request" in response.get("Vary", "")


def test_a_like_without_javascript_redirects_back_to_the_post(client, topic, member):
    client.force_login(member)
    response = client.post(action(topic, 2, "like"))
    assert response.status_code == 302
    assert response["Location"] == f"{url(topic)}#post-2"
    assert varies_on_htmx(response)
    post = topic.posts.get(number=2)
    html = client.get(url(topic)).content.decode()
    assert f'id="like-button-{post.pk}"' in html
    assert 'aria-pressed="true"' in html
    assert "1 like" in html
    assert f'action="/forums/post/{post.pk}/unlike/"' in html


def test_a_like_under_htmx_answers_with_only_that_posts_control(client, topic, member):
    client.force_login(member)
    post = topic.posts.get(number=2)
    response = client.post(action(topic, 2, "like"), headers=HTMX)
    assert response.status_code == 200
    assert varies_on_htmx(response)
    html = response.content.decode()
    assert "<html" not in html and "<main" not in html
    assert html.strip().startswith(
        f'<span class="like-control" id="like-control-{post.pk}"'
    )
    assert f'id="like-button-{post.pk}"' in html  # same id: htmx keeps the focus
    assert 'aria-pressed="true"' in html and "1 like" in html
    assert f'hx-post="/forums/post/{post.pk}/unlike/"' in html
    assert PostLike.objects.filter(post=post, user=member).exists()

    html = client.post(action(topic, 2, "unlike"), headers=HTMX).content.decode()
    assert 'aria-pressed="false"' in html and "0 likes" in html
    assert f'hx-post="/forums/post/{post.pk}/like/"' in html
    assert not PostLike.objects.filter(post=post).exists()


def test_two_members_liking_see_the_count_from_the_database(
    client, topic, member, other
):
    client.force_login(member)
    client.post(action(topic, 2, "like"), headers=HTMX)
    client.force_login(other)
    html = client.post(action(topic, 2, "like"), headers=HTMX).content.decode()
    assert "2 likes" in html


def test_a_refused_like_under_htmx_is_told_in_the_status_region(client, topic, author):
    client.force_login(author)
    response = client.post(action(topic, 2, "like"), headers=HTMX)
    assert response.status_code == 400
    assert response["HX-Retarget"] == "#action-status"
    assert response["HX-Reswap"] == "innerHTML"
    assert varies_on_htmx(response)
    html = response.content.decode()
    assert "You cannot like your own post." in html and 'role="alert"' in html
    assert not PostLike.objects.exists()


def test_a_visitor_is_sent_to_sign_in_either_way(client, topic):
    response = client.post(action(topic, 2, "like"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.post(action(topic, 2, "like"), headers=HTMX)
    # The whole window goes to sign in; the login page is not swapped in.
    assert "/accounts/login/" in response["HX-Redirect"]
    assert not PostLike.objects.exists()


def test_a_post_in_a_forum_one_cannot_read_is_not_found_either_way(
    client, forums, author, member
):
    hidden = make_topic(forums.focal, author, replies=1)
    client.force_login(member)
    for headers in ({}, HTMX):
        assert (
            client.post(action(hidden, 2, "like"), headers=headers).status_code == 404
        )
    assert not PostLike.objects.exists()


def test_the_topic_author_marks_a_solution_in_place(client, topic, author):
    client.force_login(author)
    second, third = topic.posts.get(number=2), topic.posts.get(number=3)
    response = client.post(action(topic, 2, "solution"), headers=HTMX)
    assert response.status_code == 200 and varies_on_htmx(response)
    html = response.content.decode()
    assert "<html" not in html
    assert f'id="solution-button-{second.pk}"' in html
    assert 'aria-pressed="true"' in html
    assert f'id="solution-marker-{second.pk}" hx-swap-oob="true"' in html
    assert 'id="topic-solved" hx-swap-oob="true"' in html and "Solved" in html
    assert "Marked as the solution." in html
    assert Topic.objects.get(pk=topic.pk).solution_id == second.pk

    # Moving the solution unmarks the previous one in the same answer.
    html = client.post(action(topic, 3, "solution"), headers=HTMX).content.decode()
    assert Topic.objects.get(pk=topic.pk).solution_id == third.pk
    assert f'id="solution-marker-{second.pk}" hx-swap-oob="true"></span>' in html
    assert f'hx-post="/forums/post/{second.pk}/solution/"' in html
    assert f'hx-post="/forums/post/{third.pk}/unsolve/"' in html

    html = client.post(action(topic, 3, "unsolve"), headers=HTMX).content.decode()
    assert Topic.objects.get(pk=topic.pk).solution_id is None
    assert 'id="topic-solved" hx-swap-oob="true"></span>' in html
    assert "No longer marked as the solution." in html


def test_a_solution_without_javascript_redirects_to_the_post_and_shows_markers(
    client, topic, author
):
    client.force_login(author)
    response = client.post(action(topic, 2, "solution"))
    assert response.status_code == 302
    assert response["Location"] == f"{url(topic)}#post-2"
    html = client.get(url(topic)).content.decode()
    assert 'id="post-solution"' in html and "Marked as the solution." in html
    assert 'href="#post-solution">Solved</a>' in html


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("author", True), ("moderator", True), ("other", False)],
)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_only_the_topic_author_and_moderators_mark_solutions(
    client, topic, author, other, people, role, allowed, headers
):
    user = {"author": author, "moderator": people.moderator, "other": other}[role]
    client.force_login(user)
    response = client.post(action(topic, 2, "solution"), headers=headers)
    solved = Topic.objects.get(pk=topic.pk).solution_id is not None
    assert solved is allowed
    if allowed:
        assert response.status_code == (200 if headers else 302)
        return
    assert response.status_code == 403
    if headers:
        assert response["HX-Retarget"] == "#action-status"
        assert "Only the author of the question" in response.content.decode()


def test_members_who_may_not_mark_see_no_solution_control(client, topic, other):
    client.force_login(other)
    assert "solution-button-" not in client.get(url(topic)).content.decode()


def test_mark_read_from_the_topic_list_in_place_and_without_javascript(
    client, forums, topic, member
):
    client.force_login(member)
    html = client.get("/forums/forest/").content.decode()
    assert f'id="read-button-{topic.pk}"' in html and "New" in html

    response = client.post(f"/forums/t/{topic.pk}/read/", headers=HTMX)
    assert response.status_code == 200 and varies_on_htmx(response)
    html = response.content.decode()
    assert "<html" not in html and "Mark as read" not in html
    assert f'data-focus-after-swap="topic-title-{topic.pk}"' in html
    state = TopicReadState.objects.get(user=member, topic=topic)
    assert state.last_read_number == topic.post_count

    TopicReadState.objects.all().delete()
    response = client.post(
        f"/forums/t/{topic.pk}/read/", {"next": "/forums/forest/?page=1"}
    )
    assert (
        response.status_code == 302 and response["Location"] == "/forums/forest/?page=1"
    )
    assert TopicReadState.objects.filter(user=member, topic=topic).exists()
    # A foreign "next" falls back to the forum.
    response = client.post(
        f"/forums/t/{topic.pk}/read/", {"next": "https://example.com/"}
    )
    assert response["Location"] == "/forums/forest/"
    assert (
        f'id="read-button-{topic.pk}"'
        not in client.get("/forums/forest/").content.decode()
    )


def test_mark_read_needs_a_signed_in_member_and_a_post(client, topic, member):
    response = client.post(f"/forums/t/{topic.pk}/read/", headers=HTMX)
    assert "/accounts/login/" in response["HX-Redirect"]
    assert client.post(f"/forums/t/{topic.pk}/read/").status_code == 302
    assert not TopicReadState.objects.exists()
    client.force_login(member)
    assert client.get(f"/forums/t/{topic.pk}/read/").status_code == 405
    assert not TopicReadState.objects.exists()


def test_the_topic_list_offers_show_more_and_keeps_its_page_links(
    client, forums, author
):
    for n in range(TOPICS_PER_PAGE + 1):
        make_topic(forums.public, author, title=f"Topic {n}")
    html = client.get("/forums/forest/").content.decode()
    assert '<tbody id="topic-rows">' in html
    assert 'href="?page=2" hx-get="?page=2" hx-select="#topic-rows &gt; *"' in html
    assert 'hx-target="#topic-rows" hx-swap="beforeend"' in html
    assert 'hx-select-oob="#topic-rows-more"' in html
    assert 'rel="next" href="?page=2"' in html  # the page links stay for no-JS
    last = client.get("/forums/forest/?page=2").content.decode()
    assert 'id="topic-rows-more"' in last  # always there, so htmx can replace it
    assert "Show more" not in last


def test_the_page_cache_never_serves_or_stores_an_htmx_answer(client, settings, topic):
    settings.CHM_PAGE_CACHE_SECONDS = 300
    page = url(topic)
    # An htmx request first: rendered, and not stored for the next visitor.
    response = client.get(page, headers=HTMX)
    assert "X-Page-Cache" not in response
    assert client.get(page)["X-Page-Cache"] == "miss"
    assert client.get(page)["X-Page-Cache"] == "hit"
    # A stored page is not handed to htmx either.
    assert "X-Page-Cache" not in client.get(page, headers=HTMX)


def test_vary_on_htmx_reaches_the_browser_for_in_place_actions(client, topic, member):
    client.force_login(member)
    for headers in ({}, HTMX):
        response = client.post(action(topic, 2, "like"), headers=headers)
        assert "HX-Request" in response["Vary"]
        client.post(action(topic, 2, "unlike"))

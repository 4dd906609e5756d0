import pytest

from forum.models import Post, Topic

from ..factories import established, make_topic
from ..factories import topic_url as url


@pytest.fixture
def member(db):
    return established()


@pytest.mark.parametrize(
    "data,error",
    [
        ({"title": "A topic", "body": ""}, "This field is required."),
        ({"title": "A topic", "body": "   \n  "}, "This field is required."),
        ({"title": "A topic", "body": "x" * 200_000}, "at most 32000 characters"),
        ({"title": "     ", "body": "Hello"}, "This field is required."),
        ({"title": "T" * 201, "body": "Hello"}, "at most 200 characters"),
        (
            {"title": "A topic", "body": "Hello", "tags": ["no-such-tag"]},
            "Select a valid choice",
        ),
    ],
)
def test_bad_topics_are_form_errors_and_nothing_is_saved(
    client, forums, member, data, error
):
    client.force_login(member)
    response = client.post("/forums/forest/new/", data)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Topic.objects.exists() and not Post.objects.exists()


@pytest.mark.parametrize("body", ["", " ", "y" * 40_000])
def test_bad_replies_are_form_errors(client, forums, author, member, body):
    topic = make_topic(forums.public, author)
    client.force_login(member)
    assert client.post(f"{url(topic)}reply/", {"body": body}).status_code == 400
    assert topic.posts.count() == 1


@pytest.mark.parametrize("page", ["abc", "0", "-3", "99999", "1.5", "9" * 40])
def test_topic_page_numbers_out_of_range_or_not_numbers_show_a_page(
    client, forums, author, page
):
    topic = make_topic(forums.public, author, replies=30)
    response = client.get(f"{url(topic)}?page={page}")
    assert response.status_code == 200
    assert "Reply" in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "99999", "-1"])
def test_forum_page_numbers_out_of_range_show_a_page(client, forums, author, page):
    make_topic(forums.public, author)
    assert client.get(f"/forums/forest/?page={page}").status_code == 200


def test_replies_to_locked_topics_and_forums_are_refused(
    client, forums, author, member
):
    topic = make_topic(forums.public, author, is_locked=True)
    client.force_login(member)
    assert client.post(f"{url(topic)}reply/", {"body": "Hi"}).status_code == 403
    forums.other.is_locked = True
    forums.other.save()
    assert (
        client.post(
            "/forums/marine/new/", {"title": "Hello there", "body": "Hi"}
        ).status_code
        == 403
    )
    assert Post.objects.count() == 1


def test_get_on_actions_is_not_allowed(client, forums, author, member):
    post = make_topic(forums.public, author).posts.get()
    client.force_login(member)
    assert client.get(f"/forums/post/{post.pk}/like/").status_code == 405
    assert client.get(f"/forums/post/{post.pk}/explode/").status_code == 404
    assert client.get(f"/forums/t/{post.topic_id}/lock/").status_code == 405

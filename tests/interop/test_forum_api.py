import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.shared_world]


def test_only_public_forums_are_listed(client, content):
    response = client.get("/api/v2/forums/")
    slugs = [forum["slug"] for forum in response.json()["items"]]
    assert slugs == ["forest", "marine"]
    assert client.get("/api/v2/forums/lounge/").status_code == 404


def test_topics_of_non_public_forums_and_hidden_topics_stay_out(client, content):
    response = client.get("/api/v2/topics/?limit=100")
    titles = [topic["title"] for topic in response.json()["items"]]
    assert titles == ["Forest seeds"]
    assert client.get(f"/api/v2/topics/{content.members_topic.pk}/").status_code == 404
    assert client.get(f"/api/v2/topics/{content.hidden_topic.pk}/").status_code == 404


def test_hidden_posts_and_member_emails_never_show(client, content):
    response = client.get(f"/api/v2/posts/?topic={content.topic.pk}")
    numbers = [post["number"] for post in response.json()["items"]]
    assert numbers == [1, 2]
    assert "poster@example.org" not in response.content.decode()
    assert client.get(f"/api/v2/posts/{content.hidden_post.pk}/").status_code == 404
    members_post = content.members_topic.posts.get()
    assert client.get(f"/api/v2/posts/{members_post.pk}/").status_code == 404


def test_a_topic_tells_its_forum_author_and_link(client, content):
    topic = client.get(f"/api/v2/topics/{content.topic.pk}/").json()
    assert topic["forum"] == "forest"
    assert topic["reply_count"] == 2
    expected = f"/forums/forest/t/{content.topic.pk}-forest-seeds/"
    assert topic["html_url"].endswith(expected)


def test_topics_filter_by_forum_and_date(client, content):
    assert client.get("/api/v2/topics/?forum=marine").json()["items"] == []
    assert client.get("/api/v2/topics/?until=2000-01-01").json()["items"] == []
    assert len(client.get("/api/v2/topics/?forum=forest").json()["items"]) == 1


def test_posts_paginate_without_repeats(client, content):
    first = client.get("/api/v2/posts/?limit=1").json()
    second = client.get("/api/v2/posts/?limit=1&offset=1").json()
    assert first["meta"]["total_count"] == 2
    assert first["items"][0]["id"] != second["items"][0]["id"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/topics/?limit=1000",
        "/api/v2/topics/?offset=-3",
        "/api/v2/topics/?offset=99999999999999999999",
        "/api/v2/topics/?since=tomorrow",
        "/api/v2/topics/?sort=title",
        "/api/v2/posts/?topic=abc",
        "/api/v2/posts/?topic=99999999999999999999999",
        "/api/v2/forums/?limit=1&limit=2",
        "/api/v2/forums/?subject=%00",
    ],
)
def test_malformed_forum_queries_get_a_json_400(client, content, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["message"]


def test_listing_queries_do_not_grow_with_topics(
    client, content, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        client.get("/api/v2/topics/?limit=100")

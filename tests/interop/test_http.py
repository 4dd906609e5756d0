"""What harvesters and browsers of other sites rely on: conditional GETs,
rate limits, CORS, read-only."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.shared_world]

URLS = ["/api/v2/topics/", "/api/v2/pages/?type=blog.BlogPostPage"]


@pytest.mark.parametrize("url", URLS)
def test_an_unchanged_listing_answers_304_to_its_etag(client, content, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize("url", URLS)
def test_a_listing_tells_when_it_last_changed(client, content, url):
    first = client.get(url)
    since = first["Last-Modified"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 304


def test_a_new_topic_changes_the_etag(client, content):
    from ..factories import make_topic

    etag = client.get("/api/v2/topics/")["ETag"]
    make_topic(content.forums.public, content.writer, title="Fresh")
    assert client.get("/api/v2/topics/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_client_past_its_rate_limit_gets_a_clear_429(client, content, settings):
    settings.INTEROP_RATE_LIMIT = "3/m"
    for _ in range(3):
        assert client.get("/api/v2/forums/").status_code == 200
    response = client.get("/api/v2/forums/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert "Too many requests" in response.json()["message"]
    other = client.get("/api/v2/forums/", REMOTE_ADDR="10.9.8.7")
    assert other.status_code == 200


def test_the_rate_limit_leaves_the_rest_of_the_site_alone(client, content, settings):
    settings.INTEROP_RATE_LIMIT = "1/m"
    client.get("/api/v2/forums/")
    assert client.get("/api/v2/forums/").status_code == 429
    assert client.get("/").status_code == 200


def test_any_origin_may_read_but_not_with_credentials(client, content):
    response = client.get("/api/v2/forums/", HTTP_ORIGIN="https://chm.bj.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v2/forums/",
        HTTP_ORIGIN="https://chm.bj.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_the_rest_of_the_site_gets_no_cors_header(client, content):
    response = client.get("/", HTTP_ORIGIN="https://chm.bj.example")
    assert "Access-Control-Allow-Origin" not in response


def test_writing_is_refused(client, content):
    response = client.post("/api/v2/topics/", {"title": "x"})
    assert response.status_code == 405
    assert response.json()["message"]

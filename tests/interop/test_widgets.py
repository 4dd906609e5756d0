import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.shared_world]


def test_a_news_widget_lists_a_countrys_latest_news(client, content):
    response = client.get("/widgets/embed/news/?country=BJ&lang=en&limit=2")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Latest news from Benin" in html
    assert "Benin news 0" in html and "Benin news 1" in html
    assert "Benin news 2" not in html
    assert "Benin draft" not in html and "Benin secret" not in html


def test_a_widget_can_be_framed_by_any_site_and_sets_no_cookie(client, content, people):
    client.force_login(people.member)
    response = client.get("/widgets/embed/toolkits/?lang=en&limit=5")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "script-src" in response["Content-Security-Policy"]
    assert not response.cookies
    assert "<script" not in response.content.decode()


def test_the_rest_of_the_site_still_refuses_to_be_framed(client, content):
    response = client.get("/")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_a_widget_speaks_the_chosen_language_and_uses_translations(client, content):
    html = client.get("/widgets/embed/toolkits/?lang=fr&limit=5").content.decode()
    assert 'lang="fr"' in html
    assert "Boîte à outils 1" in html
    assert "Toolkit 2" in html


def test_a_topics_widget_shows_only_visible_topics_of_a_public_forum(client, content):
    html = client.get("/widgets/embed/topics/?forum=forest&lang=en").content.decode()
    assert "Forest seeds" in html
    assert "Hidden topic" not in html
    members = client.get("/widgets/embed/topics/?forum=lounge&lang=en")
    assert members.status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        "/widgets/embed/news/?lang=en",
        "/widgets/embed/news/?country=ZZ&lang=en",
        "/widgets/embed/toolkits/?lang=xx",
        "/widgets/embed/toolkits/?lang=en&limit=500",
        "/widgets/embed/toolkits/?lang=en&limit=-1",
        "/widgets/embed/everything/?lang=en",
    ],
)
def test_bad_widget_settings_get_a_400(client, content, url):
    assert client.get(url).status_code == 400


def test_the_builder_gives_a_copy_paste_snippet(client, content):
    response = client.get("/widgets/?kind=news&country=BJ&lang=fr&limit=5")
    html = response.content.decode()
    assert "&lt;iframe src=" in html
    assert "/widgets/embed/news/?lang=fr&amp;limit=5&amp;country=BJ" in html
    empty = client.get("/widgets/?kind=news&lang=fr&limit=5")
    assert "Choose the country whose news to show." in empty.content.decode()


def test_the_api_page_is_linked_from_the_footer(client, content):
    home = client.get("/").content.decode()
    assert 'href="/api/docs/"' in home
    docs = client.get("/api/docs/").content.decode()
    assert "curl" in docs and "/api/openapi.json" in docs


def test_a_widget_costs_the_same_few_queries_whatever_the_number_of_items(
    client, content, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        client.get("/widgets/embed/news/?country=BJ&lang=fr&limit=20")

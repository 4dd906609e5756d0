"""The reader's language: URL prefix, language cookie, a member's preference."""

import pytest
from django.conf import settings

from community.models import User

from ..factories import PASSWORD, UserFactory

COOKIE = settings.LANGUAGE_COOKIE_NAME


def test_an_anonymous_visitor_who_chose_french_is_taken_to_the_french_page(
    client, network, locales
):
    client.cookies[COOKIE] = "fr"
    response = client.get("/africa/benin/?page=2")
    assert response.status_code == 302
    assert response["Location"] == "/fr/africa/benin/?page=2"


@pytest.mark.parametrize("garbage", ["xx", "<script>", "fr-FR-bogus", "", "en"])
def test_a_garbage_language_cookie_gives_english(client, network, locales, garbage):
    client.cookies[COOKIE] = garbage
    response = client.get("/africa/benin/")
    assert response.status_code == 200
    assert '<html lang="en" dir="ltr">' in response.content.decode()


def test_opening_a_french_page_leaves_unprefixed_addresses_in_english(
    client, network, locales
):
    # A French link someone shared is read in French...
    response = client.get("/fr/africa/")
    assert response.status_code == 200
    # ...and stores nothing: the reader's next unprefixed page is English.
    assert COOKIE not in response.cookies
    assert client.get("/africa/benin/").status_code == 200


@pytest.mark.parametrize("path", ["/feeds/news.rss", "/healthz", "/admin/"])
def test_urls_without_language_twins_are_not_redirected(client, network, locales, path):
    client.cookies[COOKIE] = "fr"
    response = client.get(path)
    # /admin/ sends a visitor to sign in (302), never to a /fr/ twin.
    assert response.status_code in {200, 302, 503}
    assert not response.get("Location", "").startswith("/fr/")


def test_signing_in_switches_to_the_member_preferred_language(client, network, locales):
    member = UserFactory(preferred_language="es")
    response = client.post(
        "/accounts/login/", {"login": member.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/es/"
    assert response.cookies[COOKIE].value == "es"
    assert '<html lang="es"' in client.get(response["Location"]).content.decode()


def test_a_member_without_preference_keeps_the_language_they_are_reading(
    client, network, locales
):
    member = UserFactory(preferred_language="")
    response = client.post(
        "/fr/accounts/login/", {"login": member.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.cookies[COOKIE].value == "fr"


def test_a_signed_in_member_without_cookie_gets_their_preferred_language(
    client, network, locales
):
    client.force_login(UserFactory(preferred_language="ru"))
    assert client.get("/africa/")["Location"] == "/ru/africa/"


def test_the_language_switcher_keeps_the_page_and_records_the_member_choice(
    client, network, locales
):
    member = UserFactory(preferred_language="fr")
    client.force_login(member)
    response = client.post(
        "/i18n/setlang/", {"language": "ar", "next": "/fr/africa/benin/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/ar/africa/benin/"
    assert response.cookies[COOKIE].value == "ar"
    member.refresh_from_db()
    assert member.preferred_language == "ar"


def test_switching_back_to_english_lands_on_the_unprefixed_page(
    client, network, locales
):
    client.cookies[COOKIE] = "fr"
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/fr/africa/benin/"}
    )
    assert response["Location"] == "/africa/benin/"
    assert client.get("/africa/benin/").status_code == 200


def test_the_switcher_ignores_an_unknown_language(client, network, locales):
    member = UserFactory(preferred_language="fr")
    client.force_login(member)
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/africa/"})
    assert response.status_code == 302
    assert COOKIE not in response.cookies
    member.refresh_from_db()
    assert member.preferred_language == "fr"


def test_the_switcher_is_on_every_page_with_the_current_page_as_next(
    client, network, locales
):
    html = client.get("/fr/africa/benin/").content.decode()
    assert '<form method="post" action="/i18n/setlang/">' in html
    assert '<input type="hidden" name="next" value="/fr/africa/benin/">' in html
    for code in ("ar", "en", "es", "fr", "ru", "zh-hans"):
        assert f'name="language" value="{code}"' in html
    # No per-visitor token: the page stays the same for everyone (cacheable).
    assert "csrfmiddlewaretoken" not in html


def test_a_switcher_link_takes_the_reader_to_the_page_and_stores_nothing(
    client, network, locales
):
    member = UserFactory(preferred_language="fr")
    client.force_login(member)
    response = client.get(
        "/i18n/setlang/", {"language": "es", "next": "/fr/africa/benin/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/es/africa/benin/"
    assert COOKIE not in response.cookies
    member.refresh_from_db()
    assert member.preferred_language == "fr"


def test_choosing_english_with_the_switcher_undoes_an_earlier_choice(
    client, network, locales
):
    member = UserFactory(preferred_language="fr")
    client.force_login(member)
    client.cookies[COOKIE] = "fr"
    assert client.get("/africa/")["Location"] == "/fr/africa/"
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/fr/africa/"})
    assert response["Location"] == "/africa/"
    assert client.get("/africa/").status_code == 200
    member.refresh_from_db()
    assert member.preferred_language == "en"


def test_another_site_cannot_switch_a_reader_language(client, network, locales):
    response = client.post(
        "/i18n/setlang/",
        {"language": "ar", "next": "/africa/"},
        headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert response.status_code == 403
    assert COOKIE not in response.cookies


def test_the_site_own_pages_can_switch_the_language(client, network, locales):
    response = client.post(
        "/i18n/setlang/",
        {"language": "ar", "next": "/africa/"},
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
    )
    assert response["Location"] == "/ar/africa/"
    assert response.cookies[COOKIE].value == "ar"


@pytest.mark.django_db
@pytest.mark.parametrize("prefix, language", [("/fr", "fr"), ("/ar", "ar"), ("", "en")])
def test_a_newcomer_keeps_the_language_they_signed_up_in(
    client, network, locales, prefix, language
):
    response = client.post(
        f"{prefix}/accounts/signup/",
        {
            "email": "new@example.org",
            "username": "newcomer",
            "password1": "Mangroves-2026-vertes",
            "password2": "Mangroves-2026-vertes",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(email="new@example.org").preferred_language == language

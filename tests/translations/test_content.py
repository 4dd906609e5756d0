"""Editorial pages in the reader's language, or the original with a notice."""

import pytest
from django.utils import timezone

from ..factories import translate_page

NOTICE = "translation-notice"


def test_a_country_without_french_translation_shows_the_original_with_a_notice(
    client, network, locales
):
    response = client.get("/fr/africa/benin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    # The page is the original, but the Party's name is always the reader's.
    assert "Bénin" in html
    assert NOTICE in html


def test_the_notice_is_in_the_reader_language(
    client, network, locales, french_catalogue
):
    html = client.get("/fr/africa/benin/").content.decode()
    assert "Cette page n’existe pas encore en français ; voici l’original." in html


def test_a_translated_country_is_served_in_its_translation_without_notice(
    client, network, locales
):
    translate_page(network.benin, locales["fr"], intro="Le centre d’échange béninois.")
    response = client.get("/fr/africa/benin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Le centre d’échange béninois." in html
    assert NOTICE not in html


def test_english_pages_carry_no_notice(client, network, locales):
    html = client.get("/africa/benin/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert NOTICE not in html


def test_arabic_pages_are_right_to_left(client, network, locales):
    response = client.get("/ar/africa/")
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_country_and_region_names_are_shown_in_the_reader_language(
    client, network, locales, french_catalogue
):
    html = client.get("/fr/africa/").content.decode()
    assert "Bénin" in html
    assert "<h1>Afrique</h1>" in html
    # A name that is not a canonical one is shown as written.
    assert "Fiji" not in html


@pytest.mark.parametrize(
    "path", ["/xx/forums/", "/xx/africa/benin/", "/de/", "/fr-xx/africa/"]
)
def test_an_unknown_language_prefix_is_a_plain_404(client, network, locales, path):
    assert client.get(path).status_code == 404


def test_a_page_missing_in_every_language_is_still_a_404(client, network, locales):
    assert client.get("/fr/africa/atlantis/").status_code == 404


def test_a_translation_newer_than_its_source_is_what_french_readers_get(
    client, network, locales
):
    french = translate_page(network.africa, locales["fr"], title="Afrique (fr)")
    html = client.get("/fr/africa/").content.decode()
    assert "Afrique (fr)" in html
    assert french.url_path.endswith("/africa/")
    assert timezone.now() >= french.last_published_at


def test_a_translated_home_and_region_still_list_every_region_and_country(
    client, network, locales
):
    # Translating Benin copies its missing parents (home, Africa) into French.
    translate_page(network.benin, locales["fr"], intro="Le centre béninois.")
    # Listed under their French names (from the catalogue).
    home = client.get("/fr/").content.decode()
    assert "Afrique" in home and "Asie et Pacifique" in home
    region = client.get("/fr/africa/").content.decode()
    assert "Bénin" in region and "Kenya" in region
    assert client.get("/fr/asia-pacific/fiji/").status_code == 200


def test_forums_stay_reachable_in_french_once_part_of_the_tree_is_translated(
    client, network, locales, forums
):
    translate_page(network.benin, locales["fr"])
    response = client.get("/fr/forums/forest/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    # The forums are not editorial pages: no "not translated" notice.
    assert NOTICE not in html


def test_wagtail_own_utility_urls_are_not_taken_for_pages(client, network, locales):
    # Wagtail's password-only log-in leads to allauth's (two-factor sign-in).
    assert client.get("/_util/login/")["Location"] == "/accounts/login/"

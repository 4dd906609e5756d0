"""Country, region and CBD subject names in the reader's language."""

from django.utils import translation

from translations.names import place_name, subject_name


def test_canonical_names_are_looked_up_in_the_reader_language(french_catalogue):
    with translation.override("fr"):
        assert place_name("Benin") == "Bénin"
        assert place_name("Africa") == "Afrique"
        assert subject_name("Forest") == "Forêt"
    with translation.override("en"):
        assert place_name("Benin") == "Benin"


def test_other_names_are_shown_as_written_even_when_a_msgid_matches(
    french_catalogue,
):
    with translation.override("fr"):
        # "Network" is an interface msgid, not a CBD subject or a country.
        assert subject_name("Network") == "Network"
        assert place_name("Network") == "Network"
        assert place_name("Benin (edited title)") == "Benin (edited title)"


def test_subject_tags_are_translated_on_the_tag_page(client, network, french_catalogue):
    from taggit.models import Tag

    Tag.objects.create(name="Forest", slug="forest")
    html = client.get("/fr/tags/forest/").content.decode()
    assert "<h1>Forêt</h1>" in html

"""The language switcher sends the reader back to `next`, in the chosen
language. Swapping the language prefix must never turn a local path into
another site's address: "/fr//evil.example" is local, "//evil.example" is not.
"""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme

PREFIXES = ["", *(f"/{code}" for code, _name in settings.LANGUAGES)]
LANGUAGES = [code for code, _name in settings.LANGUAGES]
ESCAPES = [
    "//evil.example",
    "//evil.example/path?x=1",
    "/\\evil.example",
    "/\\/evil.example",
    "/%2F%2Fevil.example",
    "/%2f%2fevil.example",
    "/%5Cevil.example",
    "///evil.example",
    "/http://evil.example",
]


def stays_on_the_site(location: str) -> bool:
    parts = urlsplit(location)
    return (
        not parts.scheme
        and not parts.netloc
        and location.startswith("/")
        and not location.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(location, allowed_hosts={"testserver"})
    )


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("escape", ESCAPES)
@pytest.mark.parametrize("prefix", PREFIXES)
def test_no_language_prefix_turns_next_into_another_site(
    client, method, prefix, escape
):
    for language in LANGUAGES:
        response = getattr(client, method)(
            "/i18n/setlang/", {"language": language, "next": prefix + escape}
        )
        assert response.status_code == 302
        assert stays_on_the_site(response["Location"]), (
            prefix + escape,
            language,
            response["Location"],
        )


@pytest.mark.django_db
def test_the_reported_redirect_now_lands_on_the_english_home(client):
    response = client.get("/i18n/setlang/?language=en&next=/fr//evil.example")
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_a_referer_on_another_site_is_not_followed(client):
    response = client.post(
        "/i18n/setlang/", {"language": "fr"}, HTTP_REFERER="https://evil.example/fr/"
    )
    assert response["Location"] == "/fr/"

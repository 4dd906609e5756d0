"""The national pages in the Wagtail editor and in other languages: each can
be added under a country, the country's "National website" fields show, and
a translated page is served (and listed in the menu) in the reader's
language."""

import pytest
from django.urls import reverse

from national.models import NATIONAL_PAGE_MODELS

from ..factories import make_national_site, translate_page


@pytest.mark.parametrize("model", NATIONAL_PAGE_MODELS, ids=lambda m: m.__name__)
def test_the_editor_adds_each_national_page_under_a_country(
    client, network, people, subjects, model
):
    client.force_login(people.staff)
    url = reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, network.benin.pk],
    )
    assert client.get(url).status_code == 200


def test_the_country_editor_has_the_national_website_fields(client, network, people):
    client.force_login(people.staff)
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[network.benin.pk])
    ).content.decode()
    for name in ("accent", "accent_custom", "national_logo", "national_hero"):
        assert f'name="{name}"' in html


def test_a_focal_point_adds_a_national_page_under_their_own_country_only(
    client, network, people
):
    client.force_login(people.focal_benin)
    model = NATIONAL_PAGE_MODELS[0]
    args = [model._meta.app_label, model._meta.model_name]
    ok = client.get(reverse("wagtailadmin_pages:add", args=[*args, network.benin.pk]))
    assert ok.status_code == 200
    refused = client.get(
        reverse("wagtailadmin_pages:add", args=[*args, network.kenya.pk])
    )
    assert refused.status_code in (302, 403)


def test_a_translated_national_page_is_read_and_listed_in_french(
    client, network, locales
):
    about, *_rest = make_national_site(network.benin)
    translate_page(about, locales["fr"], title="À propos du CHM national")
    html = client.get("/fr/africa/benin/about/", follow=True).content.decode()
    assert "À propos du CHM national" in html
    country = client.get("/fr/africa/benin/", follow=True).content.decode()
    menu = country.split('class="local-menu"')[1].split("</nav>")[0]
    assert "À propos du CHM national" in menu
    assert "Biodiversity profile" in menu  # untranslated: the original

import pytest
from bs4 import BeautifulSoup
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_toolkit_proposal_form_offers_choose_rather_than_dashes(library, people):
    client = Client()
    client.force_login(people.member)
    response = client.get(f"/toolkits/propose/?library={library.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "---------" not in html
    soup = BeautifulSoup(html, "html.parser")
    country = soup.find("select", id="id_country")
    assert country.find("option")["value"] == ""
    assert country.find("option").get_text() == "Choose…"
    # Groups of checkboxes are fieldsets whose legend is the label.
    languages = soup.find(id="id_languages_0").find_parent("fieldset")
    assert languages.find("legend").get_text() == "Languages"

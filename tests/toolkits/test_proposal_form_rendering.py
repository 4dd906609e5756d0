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


def test_the_error_summary_links_a_checkbox_group_to_its_first_box(library, people):
    client = Client()
    client.force_login(people.member)
    response = client.post(
        f"/toolkits/propose/?library={library.pk}", {"library": library.pk}
    )
    assert response.status_code == 400  # the form shown again, with its errors
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.find(class_="error-summary")
    links = {a["href"]: a.get_text() for a in summary.find_all("a")}
    assert links["#id_languages_0"].startswith("Languages:")
    assert links["#id_title"].startswith("Title:")
    for href in links:
        assert soup.find(id=href[1:]) is not None
    fieldset = soup.find(id="id_languages_0").find_parent("fieldset")
    assert "id_languages_error" in fieldset["aria-describedby"].split()

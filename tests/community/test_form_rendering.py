"""Forms look and behave like GOV.UK Frontend's (issue #20): labels above
fields in sentence case, an error summary at the top linked to the fields,
errors and hints tied to their inputs."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def page(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def form_of(soup: BeautifulSoup, action: str):
    return soup.find("form", action=action)


def label_texts(form) -> list[str]:
    return [" ".join(label.get_text().split()) for label in form.find_all("label")]


def label_comes_before_its_input(form, field_id: str) -> bool:
    label = form.find("label", attrs={"for": field_id})
    field = form.find(id=field_id)
    # In document order the label is found first, and it does not wrap the input.
    return label is not None and field is not None and field in label.find_all_next()


def test_sign_in_labels_sit_above_fields_in_sentence_case(client, network):
    form = form_of(page(client.get("/accounts/login/")), "/accounts/login/")
    assert label_texts(form) == ["Email", "Password", "Remember me"]
    assert label_comes_before_its_input(form, "id_login")
    assert label_comes_before_its_input(form, "id_password")
    assert not form.find(attrs={"placeholder": True})
    assert "Remember Me" not in str(form)


def test_sign_up_labels_sit_above_fields_in_sentence_case(client, network):
    soup = page(client.get("/accounts/signup/"))
    form = form_of(soup, "/accounts/signup/")
    assert label_texts(form) == ["Email", "Username", "Password", "Password again"]
    for field_id in ("id_email", "id_username", "id_password1", "id_password2"):
        assert label_comes_before_its_input(form, field_id)
    assert not form.find(attrs={"placeholder": True})
    assert "Sign Up" not in soup.get_text()


def test_an_invalid_sign_up_summarises_its_errors_at_the_top_with_links(
    client, network
):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "not-an-email",
            "username": "newcomer",
            "password1": "a long enough passphrase 42",
            "password2": "a different passphrase 42",
        },
    )
    form = form_of(page(response), "/accounts/signup/")
    summary = form.find(class_="error-summary")
    assert summary is not None and summary["role"] == "alert"
    # The summary is the first thing in the form, before any field.
    assert summary.find_previous("input", attrs={"type": "email"}) is None
    links = [a["href"] for a in summary.find_all("a")]
    assert links == ["#id_email", "#id_password2"]
    for field_id in ("id_email", "id_password2"):
        assert form.find(id=field_id) is not None


def test_a_field_in_error_is_invalid_and_described_by_its_error(client, network):
    response = client.post(
        "/accounts/signup/",
        {"email": "not-an-email", "username": "newcomer", "password1": "x"},
    )
    form = form_of(page(response), "/accounts/signup/")
    email = form.find(id="id_email")
    assert email["aria-invalid"] == "true"
    described_by = email["aria-describedby"].split()
    assert "id_email_error" in described_by
    error = form.find(id="id_email_error")
    assert "valid email" in error.get_text()
    # The error sits between the label and the input.
    assert (
        form.find("label", attrs={"for": "id_email"})
        .find_next(id="id_email_error")
        .find_next("input")
        == email
    )
    # A field with a hint names the hint too.
    password = form.find(id="id_password1")
    assert "id_password1_helptext" in password["aria-describedby"].split()
    assert form.find(id="id_password1_helptext") is not None


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/password/reset/",
        "/accounts/password/change/",
        "/members/{username}/edit/",
    ],
)
def test_account_and_profile_forms_put_labels_above_fields(client, network, url):
    user = UserFactory(username="ama")
    client.force_login(user)
    soup = page(client.get(url.format(username=user.username)))
    form = soup.select_one("main form.stacked-form")
    labels = form.find_all("label", class_="form-label")
    assert labels
    for label in labels:
        assert label_comes_before_its_input(form, label["for"])
    assert not any(
        word[:1].isupper()
        for label in labels
        for word in label.get_text().split()[1:]
        if word.isalpha() and word.lower() not in {"cbd", "un"}
    ), [label.get_text() for label in labels]

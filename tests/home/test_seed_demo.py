"""The demo network (`seed_demo`, home's command: it seeds every app). It is
the slowest thing a test can build, so one test builds it twice and checks
what each app's part of it must hold."""

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils.html import escape

from community.models import CountryPage, RegionPage, Subject, User
from cooperation.models import CooperationOffer, CooperationRequest, Status
from forum.models import Topic


def counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if not model._meta.label.startswith(("django_tasks", "sessions"))
    }


@pytest.mark.django_db
def test_seed_demo_builds_the_network_once_and_a_second_run_changes_nothing(
    client, monkeypatch
):
    monkeypatch.setenv("CHM_DEMO_PASSWORD", "another-Demo-pass-77")
    call_command("seed_demo", verbosity=0)
    first = counts()
    call_command("seed_demo", verbosity=0)
    assert counts() == first

    # The network: regions, every Party, the CBD subjects, the demo accounts.
    assert RegionPage.objects.count() == 5
    assert CountryPage.objects.count() == 196
    assert Subject.objects.count() == 24
    benin = CountryPage.objects.get(iso_code="BJ")
    assert benin.url_path.endswith("/africa/benin/")
    focal = User.objects.get(email="focal.benin@example.org")
    assert focal.groups.filter(pk=benin.focal_point_group_id).exists()
    for email in ("admin@example.org", "expert@example.org", "newcomer@example.org"):
        assert User.objects.get(email=email).emailaddress_set.get().verified
    assert User.objects.get(email="admin@example.org").is_superuser

    # Cooperation: requests, offers, a case study, each with its discussion.
    assert CooperationRequest.objects.count() == 3
    assert CooperationOffer.objects.count() == 2
    case = CooperationRequest.objects.get(status=Status.CLOSED)
    assert case.lessons_learned and case.selected_offer
    assert (
        Topic.objects.filter(
            forum__slug="south-south-cooperation", cooperation_request__isnull=False
        ).count()
        == 3
    )
    cases = client.get("/cooperation/case-studies/").content.decode()
    assert escape(case.title) in cases
    hyacinth = CooperationRequest.objects.get(title__startswith="Mapping")
    page = client.get(hyacinth.get_absolute_url()).content.decode()
    assert "Dr. Wanjiru Kamau" in page  # the demo expert matches, explained

    # The demo accounts sign in with the password from the environment.
    response = client.post(
        "/accounts/login/",
        {"login": "focal.benin@example.org", "password": "another-Demo-pass-77"},
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


@pytest.mark.django_db
def test_seed_demo_is_refused_where_demo_data_is_off(settings):
    settings.CHM_ALLOW_DEMO_DATA = False
    with pytest.raises(CommandError):
        call_command("seed_demo", verbosity=0)
    assert not CountryPage.objects.exists()

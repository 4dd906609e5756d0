import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from community.models import CountryPage, RegionPage, Subject, User


def counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if not model._meta.label.startswith(("django_tasks", "sessions"))
    }


@pytest.mark.django_db
def test_seed_demo_twice_gives_identical_counts():
    call_command("seed_demo", verbosity=0)
    first = counts()
    call_command("seed_demo", verbosity=0)
    assert counts() == first
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


@pytest.mark.django_db
def test_demo_accounts_can_sign_in_with_the_demo_password(client, monkeypatch):
    monkeypatch.setenv("CHM_DEMO_PASSWORD", "another-Demo-pass-77")
    call_command("seed_demo", verbosity=0)
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

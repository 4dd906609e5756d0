import pytest
from django.core.management import call_command
from django.utils.html import escape

from cooperation.models import CooperationOffer, CooperationRequest, Status
from forum.models import Topic


@pytest.mark.django_db
def test_the_demo_has_requests_offers_and_a_case_study(client):
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)  # idempotent
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

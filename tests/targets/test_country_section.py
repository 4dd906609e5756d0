"""A country's page says how its published national targets stand, and links
to its targets page; drafts are not counted."""

import pytest
from django.test import Client

from ..factories import make_target

pytestmark = pytest.mark.django_db


def test_the_country_page_counts_published_targets_by_status(network, people, gbf):
    focal = people.focal_benin
    make_target(focal, network.benin, code="T1", status="on_track")
    make_target(focal, network.benin, code="T2", status="on_track")
    make_target(focal, network.benin, code="T3", status="off_track")
    make_target(focal, network.benin, code="T4", title="Secret draft", published=False)
    make_target(people.focal_kenya, network.kenya, code="K1", status="achieved")
    html = Client().get("/africa/benin/").content.decode()
    assert "3 national targets mapped" in html
    assert "On track: 2" in html and "Off track: 1" in html
    assert "Achieved" not in html
    assert 'href="/targets/BJ/"' in html or 'href="/targets/bj/"' in html


def test_a_country_without_targets_says_so(network):
    html = Client().get("/africa/kenya/").content.decode()
    assert "No national targets published yet." in html

"""Country, region and profile pages show the sections the apps above register
(community.sections): in their slot, in order, with the data their context
function gives; a section for those who manage the country is neither shown
nor computed for anyone else."""

import copy

import pytest

from community import sections
from community.sections import (
    COUNTRY,
    PROFILE,
    REGION,
    PageSection,
    register_country_section,
    register_profile_section,
    register_region_section,
    sections_for,
)

from ..factories import UserFactory

BENIN = "/africa/benin/"


@pytest.fixture
def registry(monkeypatch):
    """The apps' sections, restored after the test."""
    monkeypatch.setattr(
        sections, "_sections", {kind: dict(s) for kind, s in sections._sections.items()}
    )


@pytest.fixture
def extra_template(settings, tmp_path):
    (tmp_path / "test_sections").mkdir()
    (tmp_path / "test_sections" / "extra.html").write_text(
        '<section class="extra-section">{{ extra_text }}</section>'
    )
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], tmp_path]
    settings.TEMPLATES = templates
    return "test_sections/extra.html"


def test_the_apps_register_their_sections_of_the_place_pages():
    assert [s.key for s in sections_for(COUNTRY) if s.slot == "main"] == [
        "national-menu",
        "health",
        "national-start",
        "harvest",
        "national-domain",
        "news",
        "events",
        "national-targets",
    ]
    assert {s.key for s in sections_for(COUNTRY)} >= {"news-feeds", "level-toolkits"}
    assert [s.key for s in sections_for(REGION) if s.slot == "main"] == [
        "news",
        "events",
    ]
    assert [s.key for s in sections_for(PROFILE)] == ["topics", "toolkits", "news"]


def test_a_registered_section_appears_on_the_country_page_in_its_order(
    client, network, registry, extra_template
):
    register_country_section(
        PageSection(
            key="extra",
            template=extra_template,
            context=lambda request, page: {"extra_text": f"Extra for {page.iso_code}"},
            order=15,
        )
    )
    html = client.get(BENIN).content.decode()
    assert '<section class="extra-section">Extra for BJ</section>' in html
    assert html.index("Network health") < html.index("Extra for BJ")
    assert html.index("Extra for BJ") < html.index("News from Benin")


def test_a_section_for_managers_is_neither_shown_nor_computed_for_others(
    client, network, people, registry, extra_template
):
    calls = []

    def context(request, page):
        calls.append(request.user)
        return {"extra_text": "For the managers"}

    register_country_section(
        PageSection(
            key="extra",
            template=extra_template,
            context=context,
            managers_only=True,
        )
    )
    client.force_login(people.member)
    assert "For the managers" not in client.get(BENIN).content.decode()
    assert calls == []
    client.force_login(people.focal_benin)
    assert "For the managers" in client.get(BENIN).content.decode()
    assert calls == [people.focal_benin]


def test_a_registered_section_appears_on_the_region_page(
    client, network, registry, extra_template
):
    register_region_section(
        PageSection(
            key="extra",
            template=extra_template,
            context=lambda request, page: {"extra_text": f"Extra for {page.slug}"},
            order=10,
        )
    )
    html = client.get("/africa/").content.decode()
    assert "Extra for africa" in html
    assert html.index("Extra for africa") < html.index("News from Africa")


def test_a_registered_section_appears_on_a_profile(
    client, network, registry, extra_template
):
    member = UserFactory(username="amina")
    register_profile_section(
        PageSection(
            key="extra",
            template=extra_template,
            context=lambda request, member: {"extra_text": f"About {member.username}"},
            order=5,
        )
    )
    assert "About amina" in client.get("/members/amina/").content.decode()
    assert member.is_active

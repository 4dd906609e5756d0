"""Issue #19: Kenya's focal point must not read the titles of Benin's drafts
in the page chooser or in a bulk action's confirmation. Published titles are
public anyway; pages of one's own country show in full."""

import pytest

from home.models import StandardPage

pytestmark = pytest.mark.django_db

DRAFT = "Unannounced Benin strategy"
RENAMED = "Unannounced Benin new name"


@pytest.fixture
def benin_pages(network):
    draft = network.benin.add_child(
        instance=StandardPage(title=DRAFT, slug="strategy", live=False)
    )
    draft.save_revision()
    network.benin.refresh_from_db()
    public = network.benin.add_child(
        instance=StandardPage(title="Benin biodiversity profile", slug="profile")
    )
    public.save_revision().publish()
    # A pending draft that renames a live page: the chooser shows draft titles.
    public.title = RENAMED
    public.save_revision()
    network.kenya.add_child(
        instance=StandardPage(title="Kenya draft plan", slug="plan", live=False)
    )
    return draft, public


def chooser_pages(client, network) -> str:
    html = client.get(f"/admin/choose-page/{network.benin.pk}/").content.decode()
    html += client.get(f"/admin/choose-page/{network.kenya.pk}/").content.decode()
    for q in ("Unannounced", "Benin", "Kenya"):
        response = client.get("/admin/choose-page/search/", {"q": q})
        assert response.status_code == 200
        html += response.content.decode()
    return html


def test_kenyas_focal_point_sees_no_benin_draft_title_in_the_page_chooser(
    client, network, people, benin_pages
):
    client.force_login(people.focal_kenya)
    html = chooser_pages(client, network)
    assert DRAFT not in html
    assert RENAMED not in html
    assert "Kenya draft plan" in html  # its own country's drafts stay


def test_benins_focal_point_still_chooses_its_own_drafts(
    client, network, people, benin_pages
):
    client.force_login(people.focal_benin)
    html = chooser_pages(client, network)
    assert DRAFT in html and RENAMED in html
    assert "Kenya draft plan" not in html


@pytest.mark.parametrize("action", ["delete", "unpublish", "publish", "move"])
def test_a_bulk_action_confirmation_names_no_draft_of_another_country(
    client, network, people, benin_pages, action
):
    draft, public = benin_pages
    client.force_login(people.focal_kenya)
    response = client.get(
        f"/admin/bulk/wagtailcore/page/{action}/", {"id": [draft.pk, public.pk]}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert DRAFT not in html and RENAMED not in html
    assert "A draft page you have no access to" in html


def test_the_choosers_answer_names_no_draft_of_another_country(
    client, network, people, benin_pages
):
    draft, public = benin_pages
    client.force_login(people.focal_kenya)
    response = client.get(
        "/admin/choose-page/chosen-multiple/", {"id": [draft.pk, public.pk]}
    )
    assert response.status_code == 200
    assert DRAFT not in response.content.decode()
    assert RENAMED not in response.content.decode()
    client.force_login(people.focal_benin)
    response = client.get("/admin/choose-page/chosen-multiple/", {"id": [draft.pk]})
    assert DRAFT in response.content.decode()

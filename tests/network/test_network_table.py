"""The dashboard's one table of Parties: sorted, filtered and paged on the server."""

import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from community.models import CountryPage
from network.network_table import PAGE_SIZE

from ..factories import make_post


@pytest.fixture
def parties(network):
    """Benin, Kenya and Fiji, plus enough Parties to fill two pages."""
    africa = network.africa
    for n in range(PAGE_SIZE + 5):
        africa.add_child(
            instance=CountryPage(
                title=f"Zland {n:02}",
                slug=f"zland-{n:02}",
                iso_code=f"Z{chr(65 + n)}",
                capacity_level=n % 6,
            )
        )
        africa.refresh_from_db()
    now = timezone.now()
    for n in range(3):
        make_post(network.kenya, n, published_at=now)
    make_post(network.fiji, 9, published_at=now)
    cache.clear()
    return network


def names(response) -> list[str]:
    return [row.name for row in response.context["table"].rows]


def test_the_table_lists_every_party_a_to_z_in_pages(client, parties):
    response = client.get("/network/")
    table = response.context["table"]
    assert table.total == 3 + PAGE_SIZE + 5
    assert names(response)[:3] == ["Benin", "Fiji", "Kenya"]
    assert len(table.rows) == PAGE_SIZE
    html = response.content.decode()
    assert f"Parties 1 to {PAGE_SIZE} of {table.total}" in html
    assert 'href="?page=2#parties"' in html
    second = client.get("/network/?page=2")
    assert len(second.context["table"].rows) == table.total - PAGE_SIZE
    everything = client.get("/network/?show=all")
    assert len(everything.context["table"].rows) == table.total
    assert "Show in pages" in everything.content.decode()


def test_a_page_past_the_end_shows_the_last_page(client, parties):
    response = client.get("/network/?page=99")
    assert response.status_code == 200
    assert response.context["table"].state.page == 2


def test_column_headers_sort_and_say_so_with_aria_sort(client, parties):
    html = client.get("/network/").content.decode()
    assert '<th scope="col" aria-sort="ascending"><a id="sort-country"' in html
    # Figures sort largest first on the first click.
    assert 'id="sort-news" href="?sort=news#parties"' in html
    response = client.get("/network/?sort=news&dir=desc")
    assert names(response)[:2] == ["Kenya", "Fiji"]
    html = response.content.decode()
    assert re.search(
        r'<th scope="col" aria-sort="descending" class="num">'
        r'<a id="sort-news" href="\?sort=news&amp;dir=asc#parties"',
        html,
    )
    assert html.count("aria-sort=") == 1
    response = client.get("/network/?sort=news&dir=asc&show=all")
    assert names(response)[-2:] == ["Fiji", "Kenya"]
    # Ties fall back to the name, A to Z.
    assert names(response)[:2] == ["Benin", "Zland 00"]
    response = client.get("/network/?sort=country&dir=desc")
    assert names(response)[0] == "Zland 19"


def test_sorting_by_level_and_region(client, parties):
    levels = [
        r.country.capacity_level
        for r in client.get("/network/?sort=level&dir=desc&show=all")
        .context["table"]
        .rows
    ]
    assert levels == sorted(levels, reverse=True)
    rows = client.get("/network/?sort=region&show=all").context["table"].rows
    assert rows[-1].name == "Fiji"  # Asia and the Pacific comes after Africa


def test_filters_by_region_level_and_text(client, parties):
    assert names(client.get("/network/?region=asia-pacific")) == ["Fiji"]
    levels = client.get("/network/?level=4&show=all").context["table"].rows
    assert {r.country.capacity_level for r in levels} == {4}
    assert "Kenya" in [r.name for r in levels]
    assert names(client.get("/network/?q=keN")) == ["Kenya"]
    assert names(client.get("/network/?q=bj")) == ["Benin"]  # the ISO code
    response = client.get("/network/?q=atlantis")
    assert response.context["table"].total == 0
    assert "No Party matches these filters." in response.content.decode()


def test_the_filter_form_keeps_the_sort_and_the_map(client, parties):
    html = client.get("/network/?map=activity&sort=news&dir=desc").content.decode()
    form = html.split('<form class="dash-filters"')[1].split("</form>")[0]
    assert 'method="get"' in form
    assert '<input type="hidden" name="map" value="activity">' in form
    assert '<input type="hidden" name="sort" value="news">' in form
    assert '<input type="hidden" name="dir" value="desc">' in form
    # ...and the map's tabs keep the table's state.
    assert 'href="?sort=news#map-panel"' in html


def test_country_names_follow_the_readers_language(client, parties):
    response = client.get("/fr/network/?q=Bénin", HTTP_ACCEPT_LANGUAGE="fr")
    assert names(response) == ["Bénin"]
    html = response.content.decode()
    assert 'aria-label="Bénin : niveau de capacité 3' in html


def test_the_table_scrolls_in_a_focusable_named_region(client, parties):
    html = client.get("/network/").content.decode()
    assert (
        '<div class="table-scroll" tabindex="0" role="region" '
        'aria-labelledby="parties-heading">'
    ) in html

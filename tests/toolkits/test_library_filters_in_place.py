"""The library's filters update the results in place with htmx: the same
address answers a whole page or, to htmx, the filters and results alone, and
no cache (the browser's, the anonymous page cache) gives one for the other."""

import pytest

from ..factories import make_toolkit

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def shelf(library, subjects):
    make_toolkit(library, 1, tags=[subjects["forest"]], min_level=1, max_level=2)
    make_toolkit(library, 2, tags=[subjects["cepa"]], languages=["fr"])
    make_toolkit(library, 3, tags=[subjects["forest"]], languages=["es"])
    return library


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


def test_the_full_page_puts_results_after_a_closed_filter_disclosure(client, shelf):
    response = client.get("/toolkits/?subject=forest&language=es&sort=title")
    html = response.content.decode()
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "hx-request" in vary(response)
    # Closed: on a phone the toolkits come first (toolkit_filters.js opens it
    # as a sidebar on wide screens); the summary counts the active filters.
    assert '<details class="filter-disclosure" id="toolkit-filter-panel">' in html
    assert "Filter (2 active)" in html
    assert html.index('id="toolkit-filter-panel"') < html.index('id="toolkit-results"')
    # Without JavaScript: a plain GET form with an Apply button.
    assert 'method="get" action="/toolkits/"' in html and ">Apply</button>" in html
    assert 'hx-get="/toolkits/"' in html and 'hx-push-url="true"' in html
    # The live region that announces the count is outside what htmx swaps.
    assert html.index('id="toolkit-status"') < html.index('id="toolkit-library"')
    assert "Toolkit 3" in html and "Toolkit 1" not in html


def test_htmx_gets_only_the_filters_and_results(client, shelf):
    response = client.get(
        "/toolkits/?subject=forest&language=&level=&sort=newest", **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "site-header" not in html
    assert 'id="toolkit-library"' in html
    assert "Toolkit 1" in html and "Toolkit 3" in html and "Toolkit 2" not in html
    # The panel the filter was changed in stays open; the count is announced.
    assert '<details class="filter-disclosure" id="toolkit-filter-panel" open>' in html
    assert '<p id="toolkit-status" hx-swap-oob="innerHTML">2 toolkits</p>' in html
    assert "Filter (1 active)" in html
    # Shareable: the address pushed has no empty or default parameter.
    assert response["HX-Push-Url"] == "/toolkits/?subject=forest"
    assert "hx-request" in vary(response)
    assert "no-store" in response["Cache-Control"]


def test_the_pushed_address_keeps_sort_and_page(client, library):
    for n in range(14):
        make_toolkit(library, n, revision=False)
    response = client.get("/toolkits/?sort=title&page=2&level=", **HTMX)
    assert response["HX-Push-Url"] == "/toolkits/?sort=title&page=2"
    response = client.get("/toolkits/?sort=bogus&level=9", **HTMX)
    assert response["HX-Push-Url"] == "/toolkits/"


@pytest.mark.parametrize("first", ["page", "fragment"])
def test_the_page_cache_never_serves_a_fragment_for_the_page_or_back(
    client, settings, shelf, first
):
    settings.CHM_PAGE_CACHE_SECONDS = 300
    url = "/toolkits/?subject=forest"
    if first == "page":
        assert client.get(url)["X-Page-Cache"] == "miss"
        fragment = client.get(url, **HTMX)
        assert "X-Page-Cache" not in fragment
        assert "<html" not in fragment.content.decode()
    else:
        fragment = client.get(url, **HTMX)
        assert "X-Page-Cache" not in fragment
    page = client.get(url)
    assert page.content.decode().lstrip().lower().startswith("<!doctype html>")
    assert page["X-Page-Cache"] == ("hit" if first == "page" else "miss")

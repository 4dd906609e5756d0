import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from toolkits.models import ToolkitLibraryPage, ToolkitPage

from ..factories import PDF, make_toolkit


class ToolkitPlacementTests(WagtailPageTestCase):
    def test_toolkits_live_in_libraries_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, ToolkitLibraryPage)
        self.assertCanCreateAt(ToolkitLibraryPage, ToolkitPage)
        self.assertCanNotCreateAt(HomePage, ToolkitPage)
        self.assertCanNotCreateAt(ToolkitPage, ToolkitPage)


def titles(response) -> list[str]:
    return [toolkit.title for toolkit in response.context["toolkits"]]


@pytest.fixture
def shelf(library, subjects, network):
    """Five toolkits with different subjects, languages, levels, formats, origins."""
    forest, cepa, pa = subjects["forest"], subjects["cepa"], subjects["protected-areas"]
    make_toolkit(
        library, 1, tags=[forest], languages=["en"], min_level=0, max_level=1,
        publication_date=date(2024, 1, 1), country=network.benin,
    )  # fmt: skip
    make_toolkit(
        library, 2, tags=[cepa], languages=["fr", "en"], min_level=2, max_level=3,
        files=[("odt", __import__("toolkits.demo").demo.odt_bytes("t", ["p"]))],
        publication_date=date(2025, 1, 1), country=network.fiji,
    )  # fmt: skip
    make_toolkit(
        library, 3, tags=[forest, pa], languages=["es"], min_level=3, max_level=5,
        files=[("csv", b"a,b\n1,2\n"), ("pdf", PDF)],
        publication_date=date(2026, 1, 1), country=network.kenya,
    )  # fmt: skip
    make_toolkit(
        library, 4, tags=[pa], languages=["ar"], min_level=4, max_level=4,
        files=[], links=["https://example.org/video"],
        publication_date=date(2023, 1, 1),
    )  # fmt: skip
    make_toolkit(library, 5, live=False, tags=[forest])
    ToolkitPage.objects.filter(slug="toolkit-2").update(download_count=50)
    ToolkitPage.objects.filter(slug="toolkit-4").update(download_count=7)
    return library


@pytest.mark.smoke
@pytest.mark.parametrize(
    "query,expected",
    [
        ("", ["Toolkit 3", "Toolkit 2", "Toolkit 1", "Toolkit 4"]),
        ("?subject=forest", ["Toolkit 3", "Toolkit 1"]),
        ("?language=fr", ["Toolkit 2"]),
        ("?language=en", ["Toolkit 2", "Toolkit 1"]),
        ("?level=0", ["Toolkit 1"]),
        ("?level=3", ["Toolkit 3", "Toolkit 2"]),
        ("?level=4", ["Toolkit 3", "Toolkit 4"]),
        ("?format=pdf", ["Toolkit 3", "Toolkit 1"]),
        ("?format=odt", ["Toolkit 2"]),
        ("?region=africa", ["Toolkit 3", "Toolkit 1"]),
        ("?region=asia-pacific", ["Toolkit 2"]),
        ("?subject=forest&level=4&format=csv&language=es", ["Toolkit 3"]),
        ("?subject=protected-areas&region=africa", ["Toolkit 3"]),
        ("?sort=downloads", ["Toolkit 2", "Toolkit 4", "Toolkit 3", "Toolkit 1"]),
        ("?sort=title", ["Toolkit 1", "Toolkit 2", "Toolkit 3", "Toolkit 4"]),
        ("?level=4&sort=downloads", ["Toolkit 4", "Toolkit 3"]),
    ],
)
def test_filters_and_sorting_return_the_right_toolkits(client, shelf, query, expected):
    response = client.get(f"/toolkits/{query}")
    assert response.status_code == 200
    assert titles(response) == expected
    html = response.content.decode()
    assert f"{len(expected)} toolkit" in html


def test_unpublished_toolkits_are_never_listed(client, shelf):
    assert "Toolkit 5" not in client.get("/toolkits/?subject=forest").content.decode()
    assert client.get("/toolkits/toolkit-5/").status_code == 404


def test_filter_options_show_counts_given_the_other_filters(client, shelf):
    response = client.get("/toolkits/?subject=forest")
    facets = response.context["facets"]
    languages = {o.value: o.count for o in facets["language"]}
    assert languages["en"] == 1 and languages["es"] == 1 and languages["fr"] == 0
    subjects = {o.value: o.count for o in facets["subject"]}
    # The subject facet ignores the subject filter itself: alternatives stay.
    assert subjects == {"forest": 2, "cepa": 1, "protected-areas": 2}
    levels = {o.value: o.count for o in facets["level"]}
    assert levels == {"0": 1, "1": 1, "2": 0, "3": 1, "4": 1, "5": 1}
    html = response.content.decode()
    assert "Forest (2)" in html and 'value="forest" selected' in html


def test_the_filter_form_is_a_plain_get_form_and_pagination_keeps_filters(
    client, library
):
    for n in range(15):
        make_toolkit(library, n, min_level=2, max_level=2, revision=False)
    html = client.get("/toolkits/?level=2&sort=title").content.decode()
    assert re.search(r'<form class="panel toolkit-filters"[^>]* method="get"', html)
    assert ">Apply</button>" in html
    assert 'href="?page=2&amp;level=2&amp;sort=title"' in html
    page2 = client.get("/toolkits/?page=2&level=2&sort=title")
    assert len(page2.context["toolkits"].object_list) == 3


@pytest.mark.parametrize(
    "query",
    [
        "?language=xx&level=9&format=exe&sort=bogus",
        "?level=abc&region=%3Cscript%3E&subject=no-such-subject",
        "?subject=forest&level=0&language=es",  # contradictory: nothing matches
        "?page=abc",
        "?page=0",
        "?page=-1",
        "?page=999",
        "?page=" + "9" * 40,
        "?level=&language=&format=",
        "?subject=" + "a" * 500,
    ],
)
def test_bad_or_contradictory_input_still_gives_a_valid_page(client, shelf, query):
    response = client.get(f"/toolkits/{query}")
    assert response.status_code == 200
    assert "toolkit" in response.content.decode()


def test_unknown_choice_values_are_ignored_not_applied(client, shelf):
    response = client.get("/toolkits/?language=xx&level=9&format=exe")
    assert len(titles(response)) == 4
    contradictory = client.get("/toolkits/?subject=forest&level=0&language=es")
    assert titles(contradictory) == []
    assert "No toolkit matches these filters" in contradictory.content.decode()


def test_library_query_count_does_not_grow_from_10_to_150_toolkits(
    client, library, subjects, django_assert_max_num_queries
):
    tags = list(subjects.values())

    def add(start: int, stop: int) -> None:
        for n in range(start, stop):
            make_toolkit(
                library, n, tags=tags[: 1 + n % 3], languages=["en", "fr"][: 1 + n % 2],
                min_level=n % 6, max_level=5, revision=False,
            )  # fmt: skip

    def count(path: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path).status_code == 200
        return len(ctx.captured_queries)

    paths = ["/toolkits/", "/toolkits/?subject=forest&level=5&sort=downloads"]
    add(0, 10)
    client.get("/toolkits/")  # warm the caches (content types, site roots)
    few = [count(path) for path in paths]
    add(10, 150)  # several pages' worth: a query per toolkit would show
    many = [count(path) for path in paths]
    assert many == few
    with django_assert_max_num_queries(25):
        client.get("/toolkits/?language=fr&format=pdf")


def test_toolkit_page_shows_resources_facts_related_toolkits_and_discussion(
    client, shelf, subjects
):
    html = client.get("/toolkits/toolkit-3/").content.decode()
    assert "Toolkit 3" in html and "Summary 3" in html
    assert html.count('class="button download"') == 2
    assert "/downloads/" in html and "CSV" in html and "PDF" in html
    assert 'lang="es"' in html
    assert "Related toolkits" in html and "Toolkit 1" in html  # shares Forest
    assert 'href="/tags/forest/"' in html
    assert 'href="/toolkits/?level=5"' in html
    link_only = client.get("/toolkits/toolkit-4/").content.decode()
    assert 'href="https://example.org/video"' in link_only


def test_pages_have_no_inline_script_or_style(client, shelf):
    for path in ["/toolkits/", "/toolkits/toolkit-3/"]:
        html = client.get(path).content.decode()
        assert "<script>" not in html and " style=" not in html
        assert "css/toolkits.css" in html


def test_toolkits_behind_a_view_restriction_are_not_listed(client, shelf):
    from wagtail.models import PageViewRestriction

    private = ToolkitPage.objects.get(slug="toolkit-1")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    assert "Toolkit 1" not in titles(client.get("/toolkits/"))
    assert "Toolkit 3" in titles(client.get("/toolkits/"))

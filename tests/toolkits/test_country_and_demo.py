import pytest
from django.test import Client

from toolkits.demo import DEMO_TOOLKITS, seed_toolkits
from toolkits.models import ToolkitLibraryPage, ToolkitPage
from toolkits.uploads import content_matches, format_of

from ..factories import UserFactory, make_toolkit


@pytest.mark.smoke
def test_a_country_page_recommends_the_toolkits_for_its_level(client, library):
    make_toolkit(library, 1, min_level=3, max_level=3)  # Benin is at level 3
    make_toolkit(library, 2, min_level=2, max_level=4)
    make_toolkit(library, 3, min_level=0, max_level=1)
    make_toolkit(library, 4, min_level=3, max_level=5, live=False)
    html = client.get("/africa/benin/").content.decode()
    panel = html[html.index('id="capacity-heading"') : html.index('id="focal-heading"')]
    assert "Recommended next step" in panel
    assert "Toolkit 1" in panel and "Toolkit 2" in panel
    assert "Toolkit 3" not in panel and "Toolkit 4" not in panel
    assert 'href="/toolkits/?level=3"' in panel
    fiji = client.get("/asia-pacific/fiji/").content.decode()  # level 1
    assert "Toolkit 3" in fiji and "Toolkit 1" not in fiji


def test_a_country_page_without_any_library_still_renders(client, network):
    assert client.get("/africa/benin/").status_code == 200


def test_seed_toolkits_builds_a_realistic_library_once(network):
    countries = {"BJ": network.benin, "KE": network.kenya}
    authors = {"admin": UserFactory(username="admin")}
    created = seed_toolkits(network.home, countries, authors)
    assert created == len(DEMO_TOOLKITS) >= 12
    assert seed_toolkits(network.home, countries, authors) == 0
    library = ToolkitLibraryPage.objects.get()
    assert library.url_path.endswith("/toolkits/")
    toolkits = ToolkitPage.objects.child_of(library).live()
    assert toolkits.count() == created
    languages = {lang.language for t in toolkits for lang in t.toolkit_languages.all()}
    assert {"en", "fr", "es", "ar"} <= languages
    assert {t.min_level for t in toolkits} >= {0, 2, 3, 4, 5}
    for toolkit in toolkits:
        for resource in toolkit.resources.exclude(file=""):
            with resource.file.open("rb") as handle:
                assert content_matches(handle, format_of(resource.file.name))
    resource = toolkits.get(slug="bioland-national-chm").resources.first()
    response = Client().get(resource.get_download_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    html = Client().get("/toolkits/").content.decode()
    assert "Setting up a national CHM website with Bioland" in html

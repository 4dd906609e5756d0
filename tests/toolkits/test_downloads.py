import threading
from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from tests.factories import build_network
from toolkits.models import ToolkitLibraryPage, ToolkitPage, ToolkitResource

from ..factories import PDF, make_toolkit

CONCURRENT_DOWNLOADS = 100


def download_url(resource: ToolkitResource) -> str:
    return resource.get_download_url()


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.smoke
def test_a_download_is_an_attachment_with_a_safe_type_and_counts_once(client, library):
    toolkit = make_toolkit(library, 1, files=[("pdf", PDF), ("csv", b"a,b\n")])
    pdf, csv = toolkit.resources.all()
    response = client.get(download_url(pdf))
    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="toolkit-1-0.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get(download_url(csv))["Content-Type"] == "text/csv"
    Client(REMOTE_ADDR="192.0.2.7").get(download_url(pdf))
    pdf.refresh_from_db()
    csv.refresh_from_db()
    toolkit.refresh_from_db()
    assert (pdf.download_count, csv.download_count) == (2, 1)
    assert toolkit.download_count == 2  # two clients


def test_download_counts_show_on_the_toolkit_and_in_the_library(client, library):
    toolkit = make_toolkit(library, 1)
    resource = toolkit.resources.get()
    for n in range(3):
        Client(REMOTE_ADDR=f"192.0.2.{n + 1}").get(download_url(resource))
    assert "3 downloads" in client.get("/toolkits/toolkit-1/").content.decode()
    assert "3 downloads" in client.get("/toolkits/").content.decode()


def test_head_requests_do_not_count(client, library):
    resource = make_toolkit(library, 1).resources.get()
    assert client.head(download_url(resource)).status_code == 200
    resource.refresh_from_db()
    assert resource.download_count == 0


def test_files_of_unpublished_or_private_toolkits_cannot_be_downloaded(client, library):
    from wagtail.models import PageViewRestriction

    draft = make_toolkit(library, 1, live=False).resources.get()
    assert client.get(download_url(draft)).status_code == 404
    private = make_toolkit(library, 2)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(download_url(private.resources.get())).status_code == 404
    assert client.get("/downloads/999999/nothing.pdf").status_code == 404
    draft.refresh_from_db()
    assert draft.download_count == 0


def test_a_missing_file_is_a_404_not_a_500(client, library):
    resource = make_toolkit(library, 1).resources.get()
    resource.file.storage.delete(resource.file.name)
    assert client.get(download_url(resource)).status_code == 404


def test_publishing_a_new_revision_never_resets_the_counters(client, library):
    """Counters are kept out of what a save writes: an editor publishing an old
    revision (or a new one) does not undo downloads counted meanwhile."""
    toolkit = make_toolkit(library, 1)
    resource = toolkit.resources.get()
    stale = toolkit.save_revision()  # taken before any download
    for n in range(4):
        Client(REMOTE_ADDR=f"192.0.2.{n + 1}").get(download_url(resource))
    stale.publish()
    page = ToolkitPage.objects.get(pk=toolkit.pk)
    page.title = "Toolkit 1, second edition"
    page.save_revision().publish()
    page.refresh_from_db()
    resource.refresh_from_db()
    assert page.download_count == 4
    assert resource.download_count == 4
    assert page.copy(update_attrs={"slug": "copy"}).download_count == 0


@pytest.mark.django_db(transaction=True)
# Many connections at once: never beside the other tests that open many
# (one xdist worker runs the group), or PostgreSQL refuses some of them.
@pytest.mark.xdist_group("many_connections")
def test_download_counts_are_exact_under_100_concurrent_downloads():
    if connection.vendor != "postgresql":
        pytest.skip(
            "Concurrent writers need PostgreSQL (SQLite serialises connections); "
            "run with DATABASE_URL=postgres://..."
        )
    network = build_network()
    library = network.home.add_child(
        instance=ToolkitLibraryPage(title="Toolkits", slug="toolkits")
    )
    toolkit = make_toolkit(library, 1, files=[("pdf", PDF), ("txt", b"hello\n")])
    pdf, txt = toolkit.resources.all()
    # Each download from its own address (one client is counted once a day).
    urls = [
        (download_url(pdf if n % 4 else txt), f"10.0.{n // 250}.{n % 250 + 1}")
        for n in range(CONCURRENT_DOWNLOADS)
    ]
    start = threading.Barrier(CONCURRENT_DOWNLOADS)
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        max_connections = int(cursor.fetchone()[0])
    # All 100 start together, at most a third of the server's connections in
    # flight: the other pytest-xdist worker and its live servers need theirs.
    slots = threading.BoundedSemaphore(min(CONCURRENT_DOWNLOADS, max_connections // 3))
    statuses: list[int] = []
    lock = threading.Lock()

    def fetch(url: str, address: str) -> None:
        try:
            start.wait(timeout=30)
            with slots:
                try:
                    response = Client(REMOTE_ADDR=address).get(url)
                    body(response)
                    response.close()
                    with lock:
                        statuses.append(response.status_code)
                finally:
                    connection.close()  # this thread's own connection
        except threading.BrokenBarrierError:
            pass

    threads = [threading.Thread(target=fetch, args=args) for args in urls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert statuses == [200] * CONCURRENT_DOWNLOADS
    pdf.refresh_from_db()
    txt.refresh_from_db()
    toolkit.refresh_from_db()
    assert (pdf.download_count, txt.download_count) == (75, 25)
    assert toolkit.download_count == CONCURRENT_DOWNLOADS


def test_repeated_downloads_by_one_client_count_once_a_day(client, library):
    toolkit = make_toolkit(library, 1, files=[("pdf", PDF), ("csv", b"a,b\n")])
    pdf, csv = toolkit.resources.all()
    for _ in range(20):
        assert client.get(download_url(pdf)).status_code == 200
    client.get(download_url(csv))
    pdf.refresh_from_db()
    csv.refresh_from_db()
    toolkit.refresh_from_db()
    assert (pdf.download_count, csv.download_count) == (1, 1)
    assert toolkit.download_count == 1


def test_a_signed_in_member_counts_once_wherever_they_download_from(
    client, library, people
):
    resource = make_toolkit(library, 1).resources.get()
    client.force_login(people.member)
    for address in ("192.0.2.1", "198.51.100.2", "203.0.113.3"):
        client.get(download_url(resource), REMOTE_ADDR=address)
    Client(REMOTE_ADDR="192.0.2.1").get(download_url(resource))  # someone else
    resource.refresh_from_db()
    assert resource.download_count == 2


def test_the_same_client_counts_again_the_next_day(client, library):
    resource = make_toolkit(library, 1).resources.get()
    client.get(download_url(resource))
    tomorrow = timezone.now() + timedelta(days=1)
    with mock.patch("toolkits.downloads.timezone.now", return_value=tomorrow):
        client.get(download_url(resource))
    resource.refresh_from_db()
    assert resource.download_count == 2


def test_the_cached_toolkit_page_shows_a_new_download_at_once(
    client, library, settings, django_capture_on_commit_callbacks
):
    settings.CHM_PAGE_CACHE_SECONDS = 300
    toolkit = make_toolkit(library, 1)
    resource = toolkit.resources.get()
    anonymous = Client()
    assert "0 downloads" in anonymous.get("/toolkits/toolkit-1/").content.decode()
    cached = anonymous.get("/toolkits/toolkit-1/")
    assert cached["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        client.get(download_url(resource))
    page = anonymous.get("/toolkits/toolkit-1/")
    assert "1 download<" in page.content.decode()
    assert "1 download<" in anonymous.get("/toolkits/").content.decode()

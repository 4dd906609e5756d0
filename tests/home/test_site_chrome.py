"""What browsers ask of every site: an icon, and a title that reads well."""

from django.test import Client


def test_favicon_ico_is_the_site_icon_kept_a_day(db):
    response = Client().get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    # An ICO file: reserved 0, type 1 (icon).
    assert response.content[:4] == b"\x00\x00\x01\x00"
    assert "max-age=86400" in response["Cache-Control"]


def test_pages_point_browsers_at_the_icon(client, network):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/favicon.ico"' in html
    assert 'type="image/svg+xml"' in html


def test_the_home_page_title_is_the_site_name_once(client, network):
    html = client.get("/").content.decode()
    assert "<title>CHM Commons</title>" in html


def test_other_pages_keep_the_site_name_after_their_own(client, network):
    html = client.get("/africa/").content.decode()
    assert "<title>Africa · CHM Commons</title>" in html

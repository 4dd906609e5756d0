"""The site's brand where browsers, phones and the Wagtail admin show it: the
web app manifest and its icons, and an admin that says CHM Commons and asks no
third party for avatars."""

import json

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from PIL import Image, ImageChops
from wagtail.admin.views.account import LoginView

from home.management.commands.build_app_icons import ICONS, draw_icon


def test_the_manifest_is_served_as_a_web_app_manifest(client, db):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "CHM Commons"
    assert manifest["start_url"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == settings.CHM_THEME_COLOR


def test_every_icon_of_the_manifest_exists_at_its_stated_size(client, db):
    manifest = json.loads(client.get("/manifest.webmanifest").content)
    purposes = set()
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix(settings.STATIC_URL))
        assert path, icon["src"]
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert f"{image.width}x{image.height}" == icon["sizes"]
        purposes.add(icon["purpose"])
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert purposes == {"any", "maskable"}


def test_the_maskable_icon_fills_its_square_with_the_brand_colour():
    svg = finders.find("favicon.svg")
    plain = draw_icon(svg, 192).convert("RGBA")
    maskable = draw_icon(svg, 192, maskable=True).convert("RGBA")
    # Launchers crop the corners: the plain icon leaves them transparent, the
    # maskable one paints them; both keep the white centre of the mark.
    assert plain.getpixel((0, 0))[3] == 0
    assert maskable.getpixel((0, 0))[:3] == (0x1F, 0x6B, 0x4A)
    assert maskable.getpixel((96, 96))[:3] == (255, 255, 255)


def test_pages_link_the_manifest_and_the_theme_colour(client, network):
    html = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert f'<meta name="theme-color" content="{settings.CHM_THEME_COLOR}">' in html


def test_the_admin_sign_in_page_shows_the_sites_brand(rf, db):
    # /admin/login/ itself sends people to allauth's sign-in (two-factor);
    # Wagtail's own sign-in template is branded all the same.
    request = rf.get("/admin/login/")
    request.user = AnonymousUser()
    request.session = {}
    html = LoginView.as_view()(request).render().content.decode()
    assert "Sign in to CHM Commons" in html
    assert "Sign in to Wagtail" not in html
    assert "CHM Commons administration</title>" in html
    assert "favicon.svg" in html


def test_the_admin_sign_in_address_leads_to_a_page_with_the_sites_name(client, db):
    html = client.get("/admin/login/", follow=True).content.decode()
    assert "CHM Commons" in html


def test_the_admin_dashboard_is_branded(client, people):
    client.force_login(people.staff)
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Welcome to CHM Commons" in html
    assert "CHM Commons administration</title>" in html
    assert 'alt="CHM Commons"' in html  # the sidebar's logo


def test_the_admin_asks_no_third_party_for_avatars(client, people):
    client.force_login(people.staff)
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()


def test_the_committed_icons_are_drawn_from_the_current_favicon_svg():
    """Run `manage.py build_app_icons` after changing static/favicon.svg."""
    svg = finders.find("favicon.svg")
    for name, size, maskable in ICONS:
        with Image.open(finders.find(f"icons/{name}")) as committed:
            drawn = draw_icon(svg, size, maskable)
            difference = ImageChops.difference(
                committed.convert("RGBA"), drawn.convert("RGBA")
            )
            # Tolerance for resampling differences between Pillow versions.
            assert max(high for _low, high in difference.getextrema()) <= 8, name


def test_the_admin_not_found_page_shows_the_sites_mark(client, people):
    client.force_login(people.staff)
    response = client.get("/admin/no-such-screen/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'alt="CHM Commons"' in html
    assert 'aria-label="Wagtail"' not in html

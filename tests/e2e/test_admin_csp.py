"""The Wagtail admin works in real Chromium under its own CSP (core/csp.py):
a staff member signs in with their authenticator app and goes through the
dashboard, the page explorer, a news item's editor (date picker, scheduling
dialog, inline panel, image chooser, preview), an image upload, the focal
point editor and the snippets,
and not one CSP violation is reported."""

import re
import time
from io import BytesIO

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from playwright.sync_api import expect
from wagtail.images.models import Image

from blog.models import BlogPostPage

from ..factories import PASSWORD, UserFactory, build_network, make_subject

# The site's sign-in says "Sign in"; allauth's two-factor step, "Sign In".
SIGN_IN = re.compile(r"^sign in$", re.IGNORECASE)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SECRET = "JBSWY3DPEHPK3PXP"  # the authenticator UserFactory gives staff

# Reports every violation, in every frame, to the test.
LISTEN = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolation([
    event.violatedDirective, event.blockedURI, event.sourceFile,
    event.lineNumber, String(event.sample || ""), document.location.href,
  ].join(" | "));
});
"""


def current_code() -> str:
    """The authenticator's code, from a time step with a few seconds left
    (the server accepts only the current one)."""
    if 30 - time.time() % 30 < 5:
        time.sleep(30 - time.time() % 30 + 0.5)
    return format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))


def png_bytes(colour=(40, 120, 80)) -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (320, 240), colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def admin_world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ROOT_URLCONF = "tests.e2e.media_urls"
    # Autosave posts drafts in the background while the test clicks around;
    # it has nothing to do with the policy.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    network = build_network()
    network.benin.refresh_from_db()
    post = network.benin.add_child(
        instance=BlogPostPage(
            title="Mangroves replanted", slug="mangroves", intro="Along the coast."
        )
    )
    image = Image.objects.create(
        title="Mangroves",
        file=ImageFile(BytesIO(png_bytes((200, 40, 40))), name="mangroves.png"),
    )
    make_subject("CBD-SUBJECT-CSP", "Forest CSP")
    staff = UserFactory(
        username="csp.staff",
        email="staff@example.org",
        is_staff=True,
        is_superuser=True,
    )
    return network, post, image, staff


@pytest.fixture
def admin_page(page, live_server, admin_world):
    violations = page.csp_violations
    page.expose_function("cspViolation", lambda report: violations.append(report))
    page.add_init_script(LISTEN)
    # Avatars come from Gravatar over https: (allowed); the test stays offline.
    page.route(re.compile(r"^https://www\.gravatar\.com/"), lambda route: route.abort())
    page.set_default_timeout(20_000)

    page.goto(live_server.url + "/accounts/login/?next=/admin/")
    page.fill("input[name=login]", "staff@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name=SIGN_IN).click()
    page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.fill("input[name=code]", current_code())
    page.get_by_role("button", name=SIGN_IN).click()
    page.wait_for_url(live_server.url + "/admin/")
    return page


def settle(page):
    page.wait_for_load_state("networkidle")


def visit(page, url):
    page.goto(url)
    settle(page)
    expect(page.locator("main, #main").first).to_be_visible()


def test_the_admin_works_under_its_csp(admin_page, live_server, admin_world):
    page = admin_page
    network, post, image, staff = admin_world
    base = live_server.url
    violations = page.csp_violations

    # The dashboard, under the admin policy.
    response = page.goto(base + "/admin/")
    settle(page)
    policy = response.headers["content-security-policy"]
    assert "script-src-elem 'self' 'unsafe-inline'" in policy
    assert "object-src 'none'" in policy
    expect(page.get_by_role("heading", name=re.compile("CHM Commons"))).to_be_visible()

    # The page explorer: the listing, and the sidebar's explorer menu (API).
    visit(page, f"{base}/admin/pages/{network.africa.pk}/")
    expect(page.get_by_role("link", name="Benin").first).to_be_visible()
    page.get_by_role("button", name="Pages").first.click()
    expect(page.locator(".c-page-explorer")).to_be_visible()
    settle(page)
    page.keyboard.press("Escape")
    assert violations == [], violations

    # A news item's editor.
    visit(page, f"{base}/admin/pages/{post.pk}/edit/")
    # The preview, in a frame on our own origin. Wagtail renders it through
    # the middleware as a request for the page's own URL, so it carries the
    # public site's policy, as the page will.
    with page.expect_response(
        lambda r: "/edit/preview/" in r.url and r.request.method == "GET"
    ) as preview_response:
        page.locator("[data-side-panel-toggle='preview']").click()
    preview_policy = preview_response.value.headers["content-security-policy"]
    assert "script-src-elem" not in preview_policy
    assert "frame-src 'self' https:" in preview_policy
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_text("Mangroves replanted").first).to_be_visible()
    settle(page)
    # The date and time picker of "published at".
    page.locator("#id_published_at").click()
    expect(page.locator(".xdsoft_datetimepicker:visible").first).to_be_visible()
    page.keyboard.press("Escape")
    page.locator("h1, header").first.click()
    # The inline panel: a new author form, built from its template.
    page.locator("#id_post_authors-ADD").click()
    page.select_option("#id_post_authors-0-author", value=str(staff.pk))
    # The stream field: an image block and its chooser.
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Image").first.click()
    page.get_by_role("button", name="Choose an image").first.click()
    modal = page.locator(".modal-dialog")
    expect(modal.get_by_text("Mangroves").first).to_be_visible()
    settle(page)
    modal.get_by_role("link", name="Mangroves").first.click()
    expect(modal).to_be_hidden()
    # The scheduling dialog, with its own date pickers.
    page.locator("[data-side-panel-toggle='status']").click()
    page.get_by_role("button", name="Set schedule").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    expect(dialog).to_be_visible()
    dialog.locator("#id_go_live_at").click()
    expect(page.locator(".xdsoft_datetimepicker:visible").first).to_be_visible()
    dialog.locator("#title-schedule-publishing-dialog").click()
    dialog.locator(".w-dialog__close-button").click()
    expect(dialog).to_be_hidden()
    # Save a draft: the form posts to our own origin.
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").first.click()
    expect(page.get_by_text("has been updated").first).to_be_visible()
    settle(page)
    assert violations == [], violations

    # Images: the listing, an upload, and an image's focal point editor.
    visit(page, f"{base}/admin/images/")
    visit(page, f"{base}/admin/images/multiple/add/")
    page.set_input_files(
        "#fileupload",
        files=[{"name": "coast.png", "mimeType": "image/png", "buffer": png_bytes()}],
    )
    expect(page.get_by_text("Upload successful").first).to_be_visible()
    settle(page)
    visit(page, f"{base}/admin/images/{image.pk}/")
    expect(page.locator(".jcrop-holder")).to_be_attached()
    assert violations == [], violations

    # Snippets: the index, a listing, an edit form.
    visit(page, f"{base}/admin/snippets/")
    visit(page, f"{base}/admin/snippets/community/subject/")
    page.get_by_role("link", name="Forest CSP").first.click()
    settle(page)
    expect(page.locator("form").first).to_be_visible()
    assert violations == [], violations

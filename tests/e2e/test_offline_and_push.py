"""The service worker in real Chromium, against a daphne server: it registers
under the site's Content Security Policy; a toolkit saved for offline opens,
with its file, once the network is cut; signing out forgets it; and "Notify me
on this device" asks for permission and stores the device, whose pushes then
reach a push service on loopback."""

import threading
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Locale

from notifications.audiences import Draft
from notifications.delivery import deliver
from notifications.kinds import MODERATION
from notifications.models import PushSubscription
from toolkits.models import (
    ToolkitLanguage,
    ToolkitLibraryPage,
    ToolkitPage,
    ToolkitResource,
)

from ..factories import UserFactory, build_network, ensure_wagtail_base
from ..live import asgi_server, needs_postgres, session_id
from ..push_service import Device, push_service, vapid_pair
from .browser import open_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True), needs_postgres]

GUIDE = b"Mangrove guide: plant at low tide, in mud, with the community.\n"


def toolkit_with_a_file(home) -> ToolkitPage:
    library = home.add_child(
        instance=ToolkitLibraryPage(title="Toolkits", slug="toolkits")
    )
    page = ToolkitPage(
        title="Mangrove restoration toolkit",
        slug="mangrove-restoration",
        summary="Steps to replant mangroves with local communities.",
    )
    page.toolkit_languages.add(ToolkitLanguage(language="en"))
    page.resources.add(
        ToolkitResource(
            title="Guide",
            file=ContentFile(GUIDE, name="mangrove-guide.txt"),
            language="en",
        )
    )
    page = library.add_child(instance=page)
    page.save_revision().publish()
    return page


def member_page(browser, base, user, **options):
    return open_page(
        browser,
        cookies=[{"name": "sessionid", "value": session_id(user), "url": base}],
        **options,
    )


def wait_for_worker(page, timeout_ms: int = 10_000):
    """The worker is active and controls the page (clients.claim). Polled
    with evaluate: wait_for_function's string predicates need eval, which
    the site's CSP forbids."""
    for _attempt in range(timeout_ms // 100):
        if page.evaluate(
            "() => navigator.serviceWorker.ready.then("
            "() => !!navigator.serviceWorker.controller)"
        ):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the service worker never controlled the page")


def saved_caches(page) -> list[str]:
    return page.evaluate(
        "caches.keys().then(names => names.filter(n => n.startsWith('chm-saved:')))"
    )


@pytest.fixture
def server(settings, tmp_path):
    ensure_wagtail_base()
    settings.MEDIA_ROOT = tmp_path / "media"
    public, private = vapid_pair()
    settings.CHM_VAPID_PUBLIC_KEY = public
    settings.CHM_VAPID_PRIVATE_KEY = private
    env = {
        "CHM_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "CHM_PRIVATE_MEDIA_ROOT": str(settings.CHM_PRIVATE_MEDIA_ROOT),
        "CHM_VAPID_PUBLIC_KEY": public,
        "CHM_VAPID_PRIVATE_KEY": private,
    }
    with asgi_server(env) as base:
        yield base


def test_the_service_worker_registers_under_the_csp(browser, server):
    build_network()
    page = open_page(browser)
    response = page.goto(server + "/")
    assert "script-src" in response.headers["content-security-policy"]
    wait_for_worker(page)
    registration = page.evaluate(
        "navigator.serviceWorker.ready.then(r => "
        "({script: r.active.scriptURL, scope: r.scope}))"
    )
    assert registration == {"script": server + "/sw.js", "scope": server + "/"}
    worker = page.request.get(server + "/sw.js")
    assert worker.headers["content-type"].startswith("text/javascript")
    assert worker.headers["service-worker-allowed"] == "/"
    # The shell is kept: the site's stylesheet is in the worker's cache.
    assert page.evaluate(
        "caches.keys().then(ns => Promise.all("
        "ns.filter(n => n.startsWith('chm-shell-'))"
        ".map(n => caches.open(n).then(c => c.keys()))))"
        ".then(lists => lists.flat().map(r => new URL(r.url).pathname))"
        ".then(paths => paths.includes('/static/css/site.css'))"
    )
    page.reload()
    wait_for_worker(page)
    assert page.csp_violations == []
    page.context.close()


def test_a_saved_toolkit_opens_with_its_file_when_the_network_is_cut(browser, server):
    network = build_network()
    toolkit = toolkit_with_a_file(network.home)
    member = UserFactory(display_name="Field Worker")
    # Without JavaScript there is nothing to save with: no button.
    plain = open_page(browser, java_script_enabled=False)
    plain.goto(server + toolkit.url)
    assert plain.locator("[data-save-offline]").is_hidden()
    plain.context.close()
    page = member_page(browser, server, member)
    page.goto(server + toolkit.url)
    wait_for_worker(page)
    page.reload()  # now through the worker
    save = page.get_by_role("button", name="Save for offline")
    save.click()
    page.get_by_text("Saved on this device").wait_for()
    assert save.get_attribute("aria-pressed") == "true"
    download = page.locator("a[data-offline-file]").get_attribute("href")

    page.context.set_offline(True)
    page.goto(server + toolkit.url)
    assert page.locator("h1").inner_text() == "Mangrove restoration toolkit"
    assert page.evaluate(f"fetch({download!r}).then(r => r.text())") == GUIDE.decode()

    # Any other page: the offline page, which lists what is saved.
    page.goto(server + "/forums/")
    page.get_by_text("You are offline.").wait_for()
    page.goto(server + "/offline/")
    page.get_by_role("link", name="Mangrove restoration toolkit").wait_for()
    assert "of the 50 MB" in page.locator("[data-offline-usage]").inner_text()
    page.get_by_role("link", name="Mangrove restoration toolkit").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Mangrove restoration toolkit"
    assert page.csp_violations == []

    # Removed from the offline page: gone.
    page.goto(server + "/offline/")
    page.get_by_role("button", name="Remove").click()
    page.get_by_text("Nothing is saved on this device yet").wait_for()
    assert saved_caches(page) == []
    page.context.set_offline(False)
    page.context.close()


def test_signing_out_forgets_the_saved_pages(browser, server):
    network = build_network()
    toolkit = toolkit_with_a_file(network.home)
    member = UserFactory()
    page = member_page(browser, server, member)
    page.goto(server + toolkit.url)
    wait_for_worker(page)
    page.get_by_role("button", name="Save for offline").click()
    page.get_by_text("Saved on this device").wait_for()
    assert len(saved_caches(page)) == 1
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    assert page.get_by_role("link", name="Sign in").count() >= 1
    assert saved_caches(page) == []
    page.context.close()


def test_notify_me_on_this_device_stores_it_and_pushes_reach_it(browser, server):
    build_network()
    for code in ("en",):
        Locale.objects.get_or_create(language_code=code)
    member = UserFactory(date_joined=timezone.now() - timedelta(days=30))
    with push_service() as service:
        page = member_page(browser, server, member, permissions=["notifications"])
        page.goto(server + "/notifications/settings/")
        wait_for_worker(page)
        device = Device()
        real = page.evaluate(
            "navigator.serviceWorker.ready.then(r => r.pushManager.subscribe({"
            "userVisibleOnly: true, applicationServerKey: "
            f"{_key_array(page)}}})).then(() => 'ok', e => e.name + ': ' + e.message)"
        )
        print("PushManager.subscribe in this Chromium:", real)
        if real != "ok":
            # Headless Chromium has no push service to register with (it asks
            # Google's, which a test must not reach): the browser's own
            # subscribe() fails. The page's code is the same; the subscription
            # it receives is this test's device at the loopback push service.
            page.evaluate(
                "([endpoint, p256dh, auth]) => {"
                "PushManager.prototype.subscribe = function () {"
                "return Promise.resolve({toJSON: () => ({endpoint,"
                " keys: {p256dh, auth}})});};"
                "PushManager.prototype.getSubscription = () => Promise.resolve(null);}",
                [service.endpoint("browser"), device.p256dh, device.auth],
            )
        page.get_by_role("button", name="Notify me on this device").click()
        page.get_by_text("This device will now be notified.").wait_for()
        assert page.evaluate("Notification.permission") == "granted"
        stored = PushSubscription.objects.get(user=member)
        assert "Chrom" in stored.label
        assert page.locator(".device").count() == 1
        assert page.csp_violations == []

        if real != "ok":
            # Off Playwright's event loop thread, as the task worker would.
            worker = threading.Thread(
                target=deliver,
                args=(
                    [Draft(member.pk, MODERATION, "Your post is approved", "/x/", "e")],
                ),
            )
            worker.start()
            worker.join(timeout=30)
            [received] = service.to("browser")
            assert device.decrypt(received.body) == {
                "title": "Your post is approved",
                "url": "/x/",
            }

        page.get_by_role("button", name="Remove").click()
        page.wait_for_load_state()
        assert not PushSubscription.objects.filter(user=member).exists()
        page.context.close()


def _key_array(page) -> str:
    return (
        "Uint8Array.from(atob(document.querySelector('[data-push]').dataset.key"
        ".replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0))"
    )

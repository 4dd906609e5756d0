"""A national CHM site, on another origin and with its own strict CSP, pastes
the widget snippet and its visitors see the network's news."""

import http.server
import threading

import pytest
from django.utils import timezone

from blog.models import BlogPostPage

from ..factories import build_network

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def national_site(widget_url: str, widget_origin: str):
    """A plain HTML page served from another port (another origin)."""
    body = f"""<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>CHM du Bénin</title></head><body><h1>CHM du Bénin</h1>
<iframe id="chm" src="{widget_url}" title="CHM Commons" width="100%" height="360"
 referrerpolicy="no-referrer" sandbox="allow-popups allow-popups-to-escape-sandbox">
</iframe></body></html>""".encode()
    policy = f"default-src 'self'; frame-src {widget_origin}; script-src 'none'"

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Security-Policy", policy)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_a_widget_shows_the_latest_news_on_a_page_of_another_origin(live_server, page):
    network = build_network()
    for n, title in enumerate(["Atelier CHM à Cotonou", "Nouvelle stratégie"]):
        network.benin.refresh_from_db()
        post = network.benin.add_child(
            instance=BlogPostPage(
                title=title,
                slug=f"news-{n}",
                intro="Intro",
                language="fr",
                published_at=timezone.now() - timezone.timedelta(days=n),
            )
        )
        post.save_revision().publish()

    widget = f"{live_server.url}/widgets/embed/news/?country=BJ&lang=fr&limit=5"
    server = national_site(widget, live_server.url)
    try:
        host = f"http://localhost:{server.server_port}/"
        assert not host.startswith(live_server.url)
        page.goto(host)
        frame = page.frame_locator("#chm")
        items = frame.locator(".chm-widget-items li a")
        items.first.wait_for()
        assert items.all_inner_texts() == [
            "Atelier CHM à Cotonou",
            "Nouvelle stratégie",
        ]
        heading = frame.locator("h1").inner_text()
        assert "Bénin" in heading or "Benin" in heading
        assert page.csp_violations == []
        assert page.context.cookies(live_server.url) == []
    finally:
        server.shutdown()

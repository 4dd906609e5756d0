import http.server
import threading
import time

import pytest

VALID_RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>CHM du Benin</title><link>https://bj.example/</link>
<description>d</description><language>fr</language>
<item><title>Premier</title><link>https://bj.example/1</link><guid>bj-1</guid>
<pubDate>Mon, 01 Jun 2026 09:00:00 +0100</pubDate>
<description>&lt;p&gt;Un &lt;b&gt;texte&lt;/b&gt;&lt;/p&gt;</description></item>
<item><title>Second</title><link>https://bj.example/2</link>
<description>Deux</description></item>
</channel></rss>"""

VALID_ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Kenya CHM</title>
<id>tag:ke.example,2026:feed</id><updated>2026-05-20T08:00:00Z</updated>
<entry><title>Atom item</title><link href="https://ke.example/a"/>
<id>tag:ke.example,2026:a</id><updated>2026-05-20T08:00:00Z</updated>
<summary type="html">&lt;p&gt;Summary&lt;/p&gt;</summary></entry></feed>"""

HOSTILE_RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Evil</title>
<item><title>Bad &lt;script&gt;alert(1)&lt;/script&gt;title</title>
<link>javascript:alert(1)</link><guid>evil-1</guid>
<description>&lt;p onclick="alert(1)"&gt;Hi&lt;/p&gt;
&lt;script&gt;alert(2)&lt;/script&gt;
&lt;a href="javascript:alert(3)"&gt;x&lt;/a&gt;&lt;img src=x onerror=alert(4)&gt;
&lt;a href="https://ok.example/"&gt;ok&lt;/a&gt;</description></item></channel></rss>"""

MALFORMED = b"<?xml version='1.0'?><rss version='2.0'><channel><title>Broken<item>"
HTML_PAGE = (
    b"<!DOCTYPE html><html><head><title>Home</title></head><body>Hi</body></html>"
)


class FeedHandler(http.server.BaseHTTPRequestHandler):
    routes = {
        "/rss": (200, "application/rss+xml", VALID_RSS),
        "/atom": (200, "application/atom+xml", VALID_ATOM),
        "/hostile": (200, "application/rss+xml", HOSTILE_RSS),
        "/malformed": (200, "application/xml", MALFORMED),
        "/html": (200, "text/html", HTML_PAGE),
    }

    def do_GET(self):  # noqa: N802
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            chunk = b"<!-- padding -->" * 4096
            try:
                for _ in range(300):  # about 19 MB unless the client hangs up
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/rss")
            self.end_headers()
            return
        status, content_type, body = self.routes.get(
            self.path, (404, "text/plain", b"not found")
        )
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def feed_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()

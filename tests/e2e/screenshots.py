"""`make screenshots`: full-page PNGs of every page type, on a 390 px phone
and a 1366 px desktop, in English and Arabic, into screenshots/ (ignored by
git), so anyone can look at the site as its readers do.

It builds the demo network (seed_demo, plus what a member's own pages need)
in a throw-away SQLite database, or in CHM_SCREENSHOTS_DATABASE_URL when set
(never DATABASE_URL: the demo data would land in your own database), starts
daphne on it and drives the system Chromium through Playwright. The member's
pages are taken signed in as the demo newcomer, the admin as the Secretariat.

    make screenshots                       # everything, en and ar
    LANGS="en ar fr" make screenshots      # more languages
    .venv/bin/python tests/e2e/screenshots.py --out /tmp/shots --only topic,home
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    parser.add_argument("--languages", default=os.environ.get("LANGS", "en ar"))
    parser.add_argument("--only", default="", help="page types, comma-separated")
    parser.add_argument(
        "--chromium", default=os.environ.get("CHM_CHROMIUM", "/usr/bin/chromium")
    )
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="chm-screenshots-") as scratch:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "chm.settings.test",
            "DATABASE_URL": os.environ.get(
                "CHM_SCREENSHOTS_DATABASE_URL", f"sqlite:///{scratch}/demo.sqlite3"
            ),
            "CHM_MEDIA_ROOT": f"{scratch}/media",
            "CHM_PRIVATE_MEDIA_ROOT": f"{scratch}/private-media",
        }
        env.pop("REDIS_URL", None)  # the in-memory channel layer and cache do
        os.environ.update(env)
        print("Migrating and loading the demo network (about a minute) ...", flush=True)
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        import django

        django.setup()
        from django.conf import settings
        from django.test import Client

        from tests.e2e.pages import (
            SIZES,
            STAFF,
            build_demo_world,
            localized,
            page_paths,
        )

        world = build_demo_world()
        paths = page_paths()
        sessions = {}
        for role in ("member", "staff"):
            client = Client()
            client.force_login(world[role])
            sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
        only = [name.strip() for name in args.only.split(",") if name.strip()]
        names = [name for name in paths if not only or name in only]
        with serve(env) as base:
            shoot(
                args,
                out,
                base,
                paths,
                names,
                sessions,
                settings,
                SIZES,
                STAFF,
                localized,
            )
    print(f"Screenshots in {out}")


class serve:
    """daphne on a free port, for as long as the `with` lasts."""

    def __init__(self, env):
        from tests.live import free_port

        self.port = free_port()
        self.env = env

    def __enter__(self) -> str:
        self.process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "daphne",
                "-b",
                "127.0.0.1",
                "-p",
                str(self.port),
                "chm.asgi:application",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        import socket

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return f"http://127.0.0.1:{self.port}"
            time.sleep(0.2)
        self.process.terminate()
        raise RuntimeError("daphne did not start in 30 s")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)


def shoot(args, out, base, paths, names, sessions, settings, sizes, staff, localized):
    from playwright.sync_api import sync_playwright

    from tests.e2e.pages import base_for

    anonymous = ("sign-up", "sign-in")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, headless=True, args=["--no-sandbox"]
        )
        for language in args.languages.split():
            for size, viewport in sizes.items():
                context = browser.new_context(viewport=viewport)
                page = context.new_page()
                ordered = [n for n in names if n in anonymous] + [
                    n for n in names if n not in anonymous
                ]
                signed_in = None
                for name in ordered:
                    role = (
                        None
                        if name in anonymous
                        else "staff"
                        if name in staff
                        else "member"
                    )
                    if role != signed_in:
                        context.clear_cookies()
                        cookies = [
                            {
                                "name": settings.LANGUAGE_COOKIE_NAME,
                                "value": language,
                                "url": base,
                            }
                        ]
                        if role:
                            cookies.append(
                                {
                                    "name": settings.SESSION_COOKIE_NAME,
                                    "value": sessions[role],
                                    "url": base,
                                }
                            )
                        context.add_cookies(cookies)
                        signed_in = role
                    page.goto(base_for(base, name) + localized(paths[name], language))
                    page.wait_for_load_state("networkidle")
                    file = out / f"{name.replace(' ', '-')}-{language}-{size}.png"
                    page.screenshot(path=str(file), full_page=True)
                    print(f"  {file.name}", flush=True)
                context.close()
        browser.close()


if __name__ == "__main__":
    main()

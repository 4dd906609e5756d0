"""Signed-in pages in-process: server time and queries, as a plain member and
as a moderator, with the members' shared pages (core/member_pages.py) on and
off, in one run.

Production settings (PostgreSQL, Redis, the cached template loader, no debug),
Django's test client in this process, so the figures are the application's
own, without a web server. For each page: the median of BENCH_REQUESTS (100)
requests after one that fills the cache, the queries of one request, and the
same page rendered in full (CHM_MEMBER_PAGE_CACHE_SECONDS=0) for comparison.
The topic is measured with 10 and with 1,000 replies and the forum index
with 10 and with 1,000 topics in a forum: the queries must not grow.

Targets (issue: signed-in pages as fast as anonymous ones): with the shared
pages on, a median under 10 ms and at most 10 queries for each page and role.

BENCH_PROFILE=1 adds a profile (cProfile, by cumulative time) of the topic
page served from the shared cache.
"""

import cProfile
import io
import os
import pstats
import statistics
import subprocess
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chm.settings.production")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,testserver")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/6")
os.environ.setdefault("CHM_CACHE_PREFIX", "chm-bench-member")
os.environ.setdefault(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/chm_bench_member"
)
os.environ.setdefault("LOG_LEVEL", "WARNING")

from _setup import ROOT, setup  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
TARGET_MS = 10
TARGET_QUERIES = 10


def long_topic(forum, author, replies: int, slug: str):
    from django.utils import timezone

    from forum.models import Post, Topic

    topic = Topic.objects.filter(slug=slug).first()
    if topic is not None:
        return topic
    now = timezone.now()
    topic = Topic.objects.create(
        forum=forum,
        title=f"Monitoring mangrove restoration ({replies} replies)",
        slug=slug,
        author=author,
        last_poster=author,
        post_count=replies + 1,
        reply_count=replies,
        last_post_at=now,
    )
    body = "<p>" + "Seedling survival after the first rainy season. " * 6 + "</p>"
    Post.objects.bulk_create(
        Post(topic=topic, number=n, author=author, raw=body, html=body)
        for n in range(1, replies + 2)
    )
    return topic


def many_topics(forum, author, count: int) -> None:
    from django.utils import timezone

    from forum.models import Topic

    have = Topic.objects.filter(forum=forum).count()
    now = timezone.now()
    Topic.objects.bulk_create(
        Topic(
            forum=forum,
            title=f"Bench topic {n}",
            slug=f"bench-topic-{n}",
            author=author,
            last_poster=author,
            post_count=1,
            last_post_at=now,
        )
        for n in range(have, count)
    )


def prepare() -> dict:
    from allauth.mfa.models import Authenticator
    from django.contrib.auth.models import Group

    from community.models import CountryPage, User
    from community.national_spaces import COMMUNITY_MODERATORS_GROUP
    from forum.models import Forum

    if not CountryPage.objects.exists():
        # Production settings refuse demo data (and its feed addresses on
        # loopback): the demo is loaded with the test settings, as by `make seed`.
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "seed_demo", "-v0"],
            cwd=ROOT,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "chm.settings.test"},
            check=True,
        )
    member, _ = User.objects.get_or_create(
        username="bench-member", defaults={"email": "bench-member@example.org"}
    )
    moderator, _ = User.objects.get_or_create(
        username="bench-moderator", defaults={"email": "bench-moderator@example.org"}
    )
    moderator.groups.add(
        Group.objects.get_or_create(name=COMMUNITY_MODERATORS_GROUP)[0]
    )
    Authenticator.objects.get_or_create(
        user=moderator, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "x"}}
    )
    forums = list(Forum.objects.filter(visibility="public").order_by("sort_order"))
    small, large = forums[0], forums[1]
    many_topics(small, member, 10)
    many_topics(large, member, 1000)
    short = long_topic(small, member, 10, "bench-ten-replies")
    long = long_topic(small, member, 1000, "bench-thousand-replies")
    country = CountryPage.objects.live().get(iso_code="BJ")
    return {
        "users": {"member": member, "moderator": moderator},
        "pages": {
            "home": "/",
            "country page": country.url,
            "topic, 10 replies": short.get_absolute_url(),
            "topic, 1,000 replies": long.get_absolute_url(),
            "toolkit library": "/toolkits/",
            f"forum index ({small.slug}: 10 topics)": "/forums/",
            "topic list, 10 topics": f"/forums/{small.slug}/",
            "topic list, 1,000 topics": f"/forums/{large.slug}/",
        },
    }


def measure(client, path: str) -> tuple[float, int, str]:
    from django.db import connection

    client.get(path)  # fills the cache (or warms the process)
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(queries), response.get("X-Page-Cache", "")


def main() -> None:
    setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client, override_settings

    # The hashed file names the production templates link to.
    call_command("collectstatic", interactive=False, verbosity=0)
    facts = prepare()
    cache.clear()
    print(
        f"in-process, production settings, PostgreSQL + Redis; median of {REQUESTS} "
        "requests, queries of one; shared = members' shared pages on, full = off"
    )
    print(
        f"{'page':<34} {'role':<10} {'shared ms':>9} {'q':>3}  "
        f"{'full ms':>8} {'q':>3}  ratio"
    )
    failures = []
    for name, path in facts["pages"].items():
        for role, user in facts["users"].items():
            client = Client()
            client.force_login(user)
            shared_ms, shared_q, state = measure(client, path)
            with override_settings(CHM_MEMBER_PAGE_CACHE_SECONDS=0):
                full_ms, full_q, _ = measure(client, path)
            print(
                f"{name:<34} {role:<10} {shared_ms:9.1f} {shared_q:3}  {full_ms:8.1f} "
                f"{full_q:3}  {full_ms / shared_ms:5.1f}x  ({state or 'not shared'})"
            )
            if "topic list" not in name and (
                shared_ms >= TARGET_MS or shared_q > TARGET_QUERIES
            ):
                failures.append(f"{name} as {role}")
    print(
        f"target (every page but the topic lists, which are not shared): under "
        f"{TARGET_MS} ms and at most {TARGET_QUERIES} queries: "
        + ("met" if not failures else "missed by " + ", ".join(failures))
    )
    if os.environ.get("BENCH_PROFILE"):
        client = Client()
        client.force_login(facts["users"]["member"])
        path = facts["pages"]["topic, 1,000 replies"]
        client.get(path)
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(50):
            client.get(path)
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(25)
        print(
            "profile: the 1,000-reply topic served from the shared cache, 50 requests"
        )
        print(out.getvalue())


if __name__ == "__main__":
    sys.exit(main())

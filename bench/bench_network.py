"""Network dashboard speed on PostgreSQL: the figures for all 196 Parties with a
large forum, computed cold (aggregate queries) and served from the cache."""

import os
import random
import statistics
import time
from datetime import timedelta

from _setup import percentile, setup

POSTS = int(os.environ.get("BENCH_NETWORK_POSTS", "200000"))
MEMBERS = int(os.environ.get("BENCH_NETWORK_MEMBERS", "3000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))


def generate() -> None:
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from community.models import CountryPage, User
    from forum.models import Forum, Post, Topic

    if Post.objects.filter(author__username__startswith="netbench").count() >= POSTS:
        return
    started = time.perf_counter()
    call_command("seed_demo", verbosity=0)
    countries = list(CountryPage.objects.live().values_list("pk", flat=True))
    rng = random.Random(7)
    with transaction.atomic():
        User.objects.bulk_create(
            [
                User(
                    username=f"netbench{n}",
                    email=f"netbench{n}@example.org",
                    country_id=rng.choice(countries),
                )
                for n in range(MEMBERS)
            ],
            ignore_conflicts=True,
        )
        users = list(
            User.objects.filter(username__startswith="netbench").values_list(
                "pk", flat=True
            )
        )
        forum, _created = Forum.objects.get_or_create(
            slug="netbench", defaults={"name": "Network bench"}
        )
        now = timezone.now()
        topics_count = POSTS // 20
        topics = Topic.objects.bulk_create(
            [
                Topic(
                    forum=forum,
                    title=f"Bench topic {n}",
                    slug=f"bench-topic-{n}",
                    author_id=rng.choice(users),
                    created_at=now - timedelta(days=rng.randint(0, 400)),
                    post_count=20,
                    reply_count=19,
                )
                for n in range(topics_count)
            ],
            batch_size=2000,
        )
        batch = []
        for topic in topics:
            for number in range(1, 21):
                batch.append(
                    Post(
                        topic=topic,
                        number=number,
                        author_id=rng.choice(users),
                        raw="text",
                        html="<p>text</p>",
                        created_at=topic.created_at
                        + timedelta(hours=rng.randint(0, 2000)),
                    )
                )
            if len(batch) >= 20000:
                Post.objects.bulk_create(batch, batch_size=5000)
                batch = []
        Post.objects.bulk_create(batch, batch_size=5000)
    print(f"generated {POSTS} posts in {time.perf_counter() - started:.1f}s")


def measure() -> None:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from community.models import CountryPage
    from network.network_health import compute_network_health, country_health

    cold = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            health = compute_network_health()
        cold.append((time.perf_counter() - started) * 1000)
    print(
        f"figures computed cold ({len(health.countries)} countries, "
        f"{len(queries)} queries): p50 {statistics.median(cold):.0f} ms, "
        f"p95 {percentile(cold, 0.95):.0f} ms"
    )
    country = CountryPage.objects.get(iso_code="KE")
    single = []
    for _ in range(ROUNDS):
        cache.clear()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            country_health(country)
        single.append((time.perf_counter() - started) * 1000)
    print(
        f"one country's summary cold ({len(queries)} query): "
        f"p50 {statistics.median(single):.0f} ms, p95 {percentile(single, 0.95):.0f} ms"
    )
    client = Client()
    cache.clear()
    client.get("/network/")
    warm = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/network/")
        warm.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    print(
        f"/network/ from the cache ({len(queries)} queries, "
        f"{len(response.content) // 1024} KiB): p50 {statistics.median(warm):.0f} ms, "
        f"p95 {percentile(warm, 0.95):.0f} ms"
    )


if __name__ == "__main__":
    url = setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    generate()
    measure()

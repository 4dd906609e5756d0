"""Forum speed on PostgreSQL: topic pages and topic lists in a large forum."""

import os
import random
import statistics
import threading
import time

from _setup import percentile, setup

TOTAL_POSTS = int(os.environ.get("BENCH_FORUM_POSTS", "100000"))
TOPICS = int(os.environ.get("BENCH_FORUM_TOPICS", "5000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
THREADS = int(os.environ.get("BENCH_THREADS", "4"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
HUGE_TOPIC_REPLIES = 5000


def generate() -> None:
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page, Site

    from community.models import User
    from forum.models import Forum, ForumIndexPage, Post, Topic
    from home.models import HomePage

    if Post.objects.count() >= TOTAL_POSTS:
        return
    started = time.perf_counter()
    with transaction.atomic():
        Post.objects.all().delete()
        Topic.objects.all().delete()
        Forum.objects.all().delete()
        root = Page.get_first_root_node()
        home = HomePage.objects.first()
        if home is None:
            for child in root.get_children():
                Site.objects.filter(root_page=child).update(root_page=root)
                child.delete()
            home = root.add_child(instance=HomePage(title="CHM Commons", slug="home"))
            Site.objects.update(root_page=home)
        if not ForumIndexPage.objects.exists():
            home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
        users = list(User.objects.filter(username__startswith="bench"))
        if len(users) < 500:
            User.objects.bulk_create(
                [
                    User(username=f"bench{n}", email=f"bench{n}@example.org")
                    for n in range(500)
                ],
                ignore_conflicts=True,
            )
            users = list(User.objects.filter(username__startswith="bench"))
        forums = Forum.objects.bulk_create(
            [
                Forum(name=f"Forum {n}", slug=f"forum-{n}", sort_order=n)
                for n in range(10)
            ]
        )
        rng = random.Random(42)
        now = timezone.now()
        # One huge topic, the rest spread with a long tail.
        remaining = TOTAL_POSTS - (HUGE_TOPIC_REPLIES + 1)
        sizes = [HUGE_TOPIC_REPLIES + 1]
        for n in range(TOPICS - 1):
            left = TOPICS - 1 - n
            size = max(
                1,
                min(
                    remaining - (left - 1), int(rng.expovariate(1 / (remaining / left)))
                ),
            )
            sizes.append(size)
            remaining -= size
        topics = Topic.objects.bulk_create(
            [
                Topic(
                    forum=forums[n % len(forums)],
                    title=f"Topic {n} about mangroves and monitoring",
                    slug=f"topic-{n}",
                    author=rng.choice(users),
                    post_count=size,
                    reply_count=size - 1,
                    last_post_at=now - timezone.timedelta(minutes=n),
                    last_poster=rng.choice(users),
                )
                for n, size in enumerate(sizes)
            ],
            batch_size=2000,
        )
        body = "<p>" + "Biodiversity monitoring in national parks. " * 8 + "</p>"
        batch = []
        for topic, size in zip(topics, sizes, strict=True):
            for number in range(1, size + 1):
                batch.append(
                    Post(
                        topic=topic,
                        number=number,
                        author=rng.choice(users),
                        raw=body,
                        html=body,
                    )
                )
                if len(batch) >= 5000:
                    Post.objects.bulk_create(batch)
                    batch = []
        Post.objects.bulk_create(batch)
        for forum in forums:
            forum_topics = [t for t in topics if t.forum_id == forum.pk]
            forum.topic_count = len(forum_topics)
            forum.post_count = sum(t.post_count for t in forum_topics)
            forum.last_post_at = now
            forum.save()
    print(
        f"generated {Post.objects.count():,} posts in {Topic.objects.count():,} topics "
        f"in {time.perf_counter() - started:.1f} s"
    )


def measure(name: str, paths: list[str]) -> None:
    from django.test import Client

    client = Client()
    for path in paths:  # warm up
        assert client.get(path).status_code == 200, path
    timings = []
    for n in range(REQUESTS):
        path = paths[n % len(paths)]
        start = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    done = 0
    stop = time.perf_counter() + SECONDS
    lock = threading.Lock()

    def worker():
        nonlocal done
        from django.db import connection

        local = Client()
        count = 0
        while time.perf_counter() < stop:
            local.get(paths[count % len(paths)])
            count += 1
        with lock:
            done += count
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(
        f"{name:<34} p50 {statistics.median(timings):7.1f} ms   "
        f"p95 {percentile(timings, 0.95):7.1f} ms   "
        f"{done / SECONDS:7.1f} req/s with {THREADS} threads"
    )


def main() -> None:
    url = setup()
    generate()
    from forum.models import Post, Topic

    huge = Topic.objects.order_by("-post_count").first()
    forum = huge.forum.slug
    base = f"/forums/{forum}/t/{huge.pk}-{huge.slug}/"
    print(
        f"database {url.rsplit('@', 1)[-1]}: {Post.objects.count():,} posts, "
        f"{Topic.objects.count():,} topics; huge topic has {huge.post_count:,} posts"
    )
    measure("topic page (first page)", [base])
    measure(
        f"topic page (last page, {huge.page_count})", [f"{base}?page={huge.page_count}"]
    )
    measure("forum topic list (page 1)", [f"/forums/{forum}/"])
    measure("forum topic list (page 15)", [f"/forums/{forum}/?page=15"])
    measure("forum index", ["/forums/"])


if __name__ == "__main__":
    main()

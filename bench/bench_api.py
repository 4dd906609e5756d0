"""Read-API speed on PostgreSQL: what a harvester and a widget cost.

Fills the benchmark database with BENCH_API_NEWS news posts (default 5,000) in
ten countries, BENCH_API_TOOLKITS toolkits (default 500) and a public forum of
BENCH_API_TOPICS topics (default 500, five posts each), then reports p50/p95 of
the pages API, the forum JSON, CBD records, a widget, and a conditional GET
answered 304. The rate limit is lifted for the run.
"""

import os
import sys
import time

from _setup import percentile, setup

NEWS = int(os.environ.get("BENCH_API_NEWS", "5000"))
TOOLKITS = int(os.environ.get("BENCH_API_TOOLKITS", "500"))
TOPICS = int(os.environ.get("BENCH_API_TOPICS", "500"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))


def generate() -> None:
    from django.utils import timezone
    from wagtail.models import Page, Site

    from blog.models import BlogPostPage
    from community.models import CountryPage, RegionPage, User
    from forum.models import Forum, Post, Topic
    from home.models import HomePage
    from toolkits.models import ToolkitLanguage, ToolkitLibraryPage, ToolkitPage

    started = time.perf_counter()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        for child in root.get_children():
            child.delete()
        home = root.add_child(instance=HomePage(title="Home", slug="home"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
        )
    region = RegionPage.objects.first() or home.add_child(
        instance=RegionPage(title="Africa", slug="africa")
    )
    countries = list(CountryPage.objects.order_by("pk")[:10])
    for n in range(len(countries), 10):
        region.refresh_from_db()
        iso = "B" + chr(ord("A") + n)
        countries.append(
            region.add_child(
                instance=CountryPage(
                    title=f"Country {iso}", slug=iso.lower(), iso_code=iso
                )
            )
        )
    now = timezone.now()
    for n in range(BlogPostPage.objects.count(), NEWS):
        country = countries[n % 10]
        country.refresh_from_db()
        country.add_child(
            instance=BlogPostPage(
                title=f"News {n}",
                slug=f"news-{n}",
                intro=f"Intro {n}",
                published_at=now - timezone.timedelta(hours=n),
                last_published_at=now,
            )
        )
    library = ToolkitLibraryPage.objects.first()
    if library is None:
        home.refresh_from_db()
        library = home.add_child(
            instance=ToolkitLibraryPage(title="T", slug="toolkits")
        )
    for n in range(ToolkitPage.objects.count(), TOOLKITS):
        library.refresh_from_db()
        page = ToolkitPage(title=f"Toolkit {n}", slug=f"t-{n}", summary="Summary")
        page.toolkit_languages.add(ToolkitLanguage(language="en"))
        library.add_child(instance=page)
    forum, _ = Forum.objects.get_or_create(slug="forest", defaults={"name": "Forest"})
    author, _ = User.objects.get_or_create(username="bench-author")
    for n in range(Topic.objects.count(), TOPICS):
        topic = Topic.objects.create(
            forum=forum, title=f"Topic {n}", author=author, post_count=5
        )
        Post.objects.bulk_create(
            Post(topic=topic, number=k, author=author, raw="x", html="<p>x</p>")
            for k in range(1, 6)
        )
    print(f"data ready in {time.perf_counter() - started:.1f} s")


def measure(name: str, path: str, conditional: bool = False) -> None:
    from django.test import Client

    client = Client()
    first = client.get(path)
    assert first.status_code == 200, (path, first.content[:200])
    headers = {"HTTP_IF_NONE_MATCH": first["ETag"]} if conditional else {}
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(path, **headers)
        timings.append((time.perf_counter() - started) * 1000)
    assert response.status_code == (304 if conditional else 200)
    print(
        f"{name:<34} p50 {percentile(timings, 0.5):7.1f} ms  "
        f"p95 {percentile(timings, 0.95):7.1f} ms  {len(first.content):>7} bytes"
    )


def main() -> None:
    url = setup()
    from django.conf import settings

    settings.INTEROP_RATE_LIMIT = "1000000/m"
    generate()
    print(f"database: {url.rsplit('/', 1)[-1]}, {REQUESTS} requests each")
    news = "/api/v2/pages/?type=blog.BlogPostPage"
    measure("news, 20 newest of a country", f"{news}&country=BA&order=-published_at")
    measure(
        "news, 100 with tags/subjects/authors",
        f"{news}&limit=100&fields=tags,subjects,country,authors",
    )
    measure("news, deep offset", f"{news}&offset={max(0, NEWS - 20)}")
    measure("toolkits, 100", "/api/v2/pages/?type=toolkits.ToolkitPage&limit=100")
    measure("topics, 100", "/api/v2/topics/?limit=100")
    measure("posts, 100", "/api/v2/posts/?limit=100")
    measure("records, 20 news", "/api/v2/records/news/")
    measure("widget, 5 news of a country", "/widgets/embed/news/?country=BA&lang=fr")
    measure("topics, 100, answered 304", "/api/v2/topics/?limit=100", conditional=True)


if __name__ == "__main__":
    sys.exit(main())

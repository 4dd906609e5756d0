"""Search speed on PostgreSQL: the /search/ page and the suggest endpoint over
100k forum posts (from bench_forum's generator), 10k news and 1k toolkits."""

import os
import random
import re
import statistics
import sys
import time

# The benchmark is one client asking many times: lift the per-client limit.
os.environ.setdefault("CHM_SEARCH_RATE_LIMIT", "1000000/m")
os.environ.setdefault("CHM_SUGGEST_RATE_LIMIT", "1000000/m")

from _setup import percentile, setup

NEWS = int(os.environ.get("BENCH_SEARCH_NEWS", "10000"))
TOOLKITS = int(os.environ.get("BENCH_SEARCH_TOOLKITS", "1000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
RARE_WORD = "axolotl"  # in 0.1% of the news and toolkits and 30 posts
WORDS = (
    "forest wetland coral mangrove pollinator savanna seagrass drylands peatland "
    "restoration monitoring indicators invasive species protected areas capacity "
    "training national report funding cooperation taxonomy traditional knowledge"
).split()


def generate() -> None:
    from django.db import transaction
    from django.db.models.signals import post_save
    from wagtail.models import Page
    from wagtail.search.signal_handlers import post_save_signal_handler

    from blog.models import BlogPostPage
    from community.models import CountryPage, RegionPage
    from forum.models import Post
    from home.models import HomePage
    from toolkits.models import ToolkitLanguage, ToolkitLibraryPage, ToolkitPage

    news_count = BlogPostPage.objects.count()
    toolkit_count = ToolkitPage.objects.count()
    if news_count >= NEWS and toolkit_count >= TOOLKITS:
        return
    started = time.perf_counter()
    # Indexed once at the end by update_index, not page by page.
    for model in (BlogPostPage, ToolkitPage, CountryPage, RegionPage, Page):
        post_save.disconnect(post_save_signal_handler, sender=model)
    rng = random.Random(7)
    home = HomePage.objects.first()
    regions = []
    for slug, title in [("africa", "Africa"), ("asia-pacific", "Asia and the Pacific")]:
        region = RegionPage.objects.filter(slug=slug).first()
        if region is None:
            home.refresh_from_db()
            region = home.add_child(instance=RegionPage(title=title, slug=slug))
        regions.append(region)
    countries = []
    for n, (iso, name) in enumerate(
        [
            ("BJ", "Benin"),
            ("KE", "Kenya"),
            ("SN", "Senegal"),
            ("FJ", "Fiji"),
            ("VN", "Viet Nam"),
        ]
    ):
        country = CountryPage.objects.filter(iso_code=iso).first()
        if country is None:
            region = regions[0 if n < 3 else 1]
            region.refresh_from_db()
            country = region.add_child(
                instance=CountryPage(
                    title=name, slug=name.lower().replace(" ", "-"), iso_code=iso
                )
            )
        countries.append(country)

    def text(n: int) -> str:
        words = rng.sample(WORDS, 8)
        if n % 1000 == 0:
            words.append(RARE_WORD)
        return " ".join(words).capitalize() + "."

    languages = ["en", "fr", "es", "ar", "ru", "zh-hans"]
    for n in range(news_count, NEWS):
        country = countries[n % len(countries)]
        country.refresh_from_db()
        with transaction.atomic():
            country.add_child(
                instance=BlogPostPage(
                    title=f"News {n}: {' '.join(rng.sample(WORDS, 3))}",
                    slug=f"bench-news-{n}",
                    intro=text(n),
                    language=languages[n % len(languages)],
                )
            )
        if n % 1000 == 0:
            print(f"  news {n:,}/{NEWS:,}", file=sys.stderr)
    library = ToolkitLibraryPage.objects.first()
    if library is None:
        home.refresh_from_db()
        library = home.add_child(
            instance=ToolkitLibraryPage(title="Toolkits", slug="toolkits")
        )
    for n in range(toolkit_count, TOOLKITS):
        library.refresh_from_db()
        page = ToolkitPage(
            title=f"Toolkit {n}: {' '.join(rng.sample(WORDS, 3))}",
            slug=f"bench-toolkit-{n}",
            summary=text(n),
            country=countries[n % len(countries)],
        )
        page.toolkit_languages.add(ToolkitLanguage(language=languages[n % 3]))
        library.add_child(instance=page)
    # A rare word in a few forum posts too.
    rare_posts = list(Post.objects.order_by("pk").values_list("pk", flat=True)[::3333])
    Post.objects.filter(pk__in=rare_posts).update(
        raw=f"Has anyone seen an {RARE_WORD} in a national park?"
    )
    print(f"generated news and toolkits in {time.perf_counter() - started:.1f} s")


def index() -> None:
    from django.core.management import call_command
    from wagtail.search.models import IndexEntry

    from forum.models import Post

    if (
        IndexEntry.objects.filter(content_type__model="post").count()
        >= Post.objects.count()
    ):
        return
    started = time.perf_counter()
    call_command("update_index", chunk_size=2000)
    print(f"update_index took {time.perf_counter() - started:.1f} s")


def measure(name: str, paths: list[str]) -> None:
    from django.test import Client

    client = Client()
    for path in paths:  # warm up
        response = client.get(path)
        assert response.status_code == 200, path
    timings = []
    for n in range(REQUESTS):
        path = paths[n % len(paths)]
        start = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(paths[0])
    heading = re.search(r'class="search-count">\s*(\S+) result', response.text)
    total = f"{heading.group(1):>6} results" if heading else ""
    print(
        f"{name:<40} p50 {statistics.median(timings):7.1f} ms   "
        f"p95 {percentile(timings, 0.95):7.1f} ms {len(queries):3} queries {total}"
    )


def measure_spelling(vocabulary_size: int = 40_000) -> None:
    """“Did you mean” against a vocabulary of this size (pseudo-words, as a
    site with years of titles might hold), for one misspelt word and for the
    worst a visitor can type: twelve unknown words."""
    import string

    from search import spelling

    rng = random.Random(11)
    groups: dict = {}
    for n in range(vocabulary_size):
        size = rng.randint(spelling.MIN_LENGTH, 14)
        word = "".join(rng.choice(string.ascii_lowercase) for _ in range(size))
        groups.setdefault((word[0], len(word)), {})[word] = n % 50 + 1
    groups.setdefault(("m", 10), {})["monitoring"] = 50
    built = spelling.vocabulary
    spelling.vocabulary = lambda: groups
    try:
        worst = " ".join(
            "".join(rng.choice(string.ascii_lowercase) for _ in range(9))
            for _ in range(12)
        )
        for name, text in [("one misspelt word", "monitring"), ("12 unknown", worst)]:
            timings = []
            for _ in range(REQUESTS):
                start = time.perf_counter()
                spelling.correct(text)
                timings.append((time.perf_counter() - start) * 1000)
            print(
                f"{'spelling, ' + name:<40} p50 {statistics.median(timings):7.1f} ms   "
                f"p95 {percentile(timings, 0.95):7.1f} ms   "
                f"({vocabulary_size:,}-word vocabulary)"
            )
    finally:
        spelling.vocabulary = built


def main() -> None:
    url = setup()
    sys.path.insert(0, os.path.dirname(__file__))
    import bench_forum

    bench_forum.generate()
    generate()
    index()
    from django.db import connection

    with connection.cursor() as cursor:
        # What autovacuum does on a live site: fresh statistics, and the GIN
        # indexes' pending lists merged (a search scans a pending list whole:
        # right after a bulk update_index that costs ~15 ms per index probe).
        cursor.execute("VACUUM ANALYZE wagtailsearch_indexentry")
        cursor.execute("ANALYZE")
    from blog.models import BlogPostPage
    from forum.models import Post, Topic
    from toolkits.models import ToolkitPage

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(
        f"database {url.rsplit('@', 1)[-1]}: {Post.objects.count():,} posts, "
        f"{Topic.objects.count():,} topics, {BlogPostPage.objects.count():,} news, "
        f"{ToolkitPage.objects.count():,} toolkits"
    )
    measure("common word (monitoring)", ["/search/?q=monitoring"])
    measure("common word (biodiversity)", ["/search/?q=biodiversity"])
    measure("common words (national parks)", ["/search/?q=national+parks"])
    measure("rare word (axolotl)", [f"/search/?q={RARE_WORD}"])
    measure("word in news, not posts (restoration)", ["/search/?q=restoration"])
    measure(
        "common word, kind=post, forum",
        ["/search/?q=monitoring&kind=post&forum=forum-3"],
    )
    measure("common word, region=africa", ["/search/?q=monitoring&region=africa"])
    measure("common word, language=fr", ["/search/?q=monitoring&language=fr"])
    measure("common word, page 5", ["/search/?q=monitoring&page=5"])
    measure(
        "rare word, kind=news, language",
        [f"/search/?q={RARE_WORD}&kind=news&language=en"],
    )
    measure("misspelt word (monitring)", ["/search/?q=monitring"])
    measure("suggest (mang)", ["/search/suggest/?q=mang"])
    measure_spelling()


if __name__ == "__main__":
    main()

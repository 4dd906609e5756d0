"""Cooperation speed on PostgreSQL: matching a request against many offers and
experts, the request page that shows the matches, and the filtered lists.

Run with BENCH_DATABASE_URL pointing at a database of its own."""

import os
import time

from _setup import percentile, setup

OFFERS = int(os.environ.get("BENCH_COOP_OFFERS", "5000"))
EXPERTS = int(os.environ.get("BENCH_COOP_EXPERTS", "2000"))
REQUESTS = int(os.environ.get("BENCH_COOP_REQUESTS", "1000"))
RUNS = int(os.environ.get("BENCH_RUNS", "50"))


def generate():
    import random

    from django.db import transaction
    from django.utils.text import slugify
    from taggit.models import Tag
    from wagtail.models import Page, Site

    from community.models import CountryPage, RegionPage, Subject, User
    from community.subjects import SUBJECTS
    from cooperation.models import CooperationOffer, CooperationRequest
    from home.models import HomePage

    if CooperationOffer.objects.filter(title__startswith="Bench").count() >= OFFERS:
        return CooperationRequest.objects.filter(title="Bench request").first()
    started = time.perf_counter()
    rng = random.Random(7)
    with transaction.atomic():
        root = Page.get_first_root_node()
        home = HomePage.objects.first()
        if home is None:
            for child in root.get_children():
                Site.objects.filter(root_page=child).update(root_page=root)
                child.delete()
            home = root.add_child(instance=HomePage(title="CHM Commons", slug="home"))
            Site.objects.update(root_page=home)
        countries = []
        for slug, iso in [
            ("africa", "BJ"),
            ("asia-pacific", "FJ"),
            ("latin-america-caribbean", "PE"),
            ("western-europe-others", "FR"),
        ]:
            region = RegionPage.objects.filter(slug=slug).first()
            if region is None:
                home.refresh_from_db()
                region = home.add_child(instance=RegionPage(title=slug, slug=slug))
            country = CountryPage.objects.filter(iso_code=iso).first()
            if country is None:
                country = region.add_child(
                    instance=CountryPage(title=iso, slug=iso.lower(), iso_code=iso)
                )
            countries.append(country)
        subjects = []
        for order, seed in enumerate(SUBJECTS):
            tag, _c = Tag.objects.get_or_create(
                name=seed.name, defaults={"slug": slugify(seed.name)}
            )
            subject, _c = Subject.objects.get_or_create(
                code=seed.code,
                defaults={"tag": tag, "kind": seed.kind, "sort_order": order},
            )
            subjects.append(subject)
        User.objects.bulk_create(
            [
                User(
                    username=f"coopbench{n}",
                    email=f"coopbench{n}@example.org",
                    country=countries[n % 4],
                    languages=rng.sample(["en", "fr", "es", "ar"], 2),
                )
                for n in range(EXPERTS)
            ],
            ignore_conflicts=True,
        )
        users = list(User.objects.filter(username__startswith="coopbench"))
        through = User.expertise.through
        through.objects.bulk_create(
            [
                through(content_object=user, tag_id=s.tag_id)
                for user in users
                for s in rng.sample(subjects, 3)
            ],
            ignore_conflicts=True,
        )
        offers = CooperationOffer.objects.bulk_create(
            [
                CooperationOffer(
                    title=f"Bench offer {n}",
                    description="Help.",
                    offered_by=users[n % len(users)],
                    country=countries[n % 4],
                    assistance_types=rng.sample(
                        ["tools", "expertise", "training", "technical", "funding"], 2
                    ),
                    languages=rng.sample(["en", "fr", "es", "ar"], 2),
                )
                for n in range(OFFERS)
            ]
        )
        link = CooperationOffer.subjects.through
        link.objects.bulk_create(
            [
                link(cooperationoffer_id=o.pk, subject_id=s.pk)
                for o in offers
                for s in rng.sample(subjects, 2)
            ]
        )
        requester = users[0]
        requests = CooperationRequest.objects.bulk_create(
            [
                CooperationRequest(
                    title=f"Bench request {n}" if n else "Bench request",
                    problem="We need help.",
                    country=countries[n % 4],
                    requested_by=requester,
                    contact_name="Bench",
                    contact_email="bench@example.org",
                    assistance_types=["technical", "training"],
                    languages=["fr"],
                )
                for n in range(REQUESTS)
            ]
        )
        rlink = CooperationRequest.subjects.through
        rlink.objects.bulk_create(
            [
                rlink(cooperationrequest_id=r.pk, subject_id=s.pk)
                for r in requests
                for s in rng.sample(subjects, 2)
            ]
        )
    print(f"generated in {time.perf_counter() - started:.1f}s")
    return CooperationRequest.objects.get(title="Bench request")


def timed(label: str, call) -> None:
    call()  # warm up
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    print(
        f"{label:<48} p50 {percentile(samples, 0.5):7.1f} ms"
        f"   p95 {percentile(samples, 0.95):7.1f} ms"
    )


def main() -> None:
    url = setup()
    from django.test import Client

    from cooperation.matching import matching_experts, matching_offers

    request = generate()
    print(
        f"database {url.rsplit('/', 1)[-1]}: {OFFERS} offers, {EXPERTS} experts, "
        f"{REQUESTS} requests; {RUNS} runs each"
    )
    client = Client()
    timed("matching_offers (200 candidates scored)", lambda: matching_offers(request))
    timed("matching_experts (200 candidates scored)", lambda: matching_experts(request))

    def page(path):
        def get():
            response = client.get(path, HTTP_HOST="localhost")
            assert response.status_code == 200, (path, response.status_code)

        return get

    timed("GET request page with matches", page(request.get_absolute_url()))
    timed("GET /cooperation/ (first page)", page("/cooperation/"))
    timed(
        "GET /cooperation/?language=fr&type=training",
        page("/cooperation/?language=fr&type=training"),
    )
    timed(
        "GET /cooperation/offers/?region=africa",
        page("/cooperation/offers/?region=africa"),
    )


if __name__ == "__main__":
    main()

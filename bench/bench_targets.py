"""National targets at network scale: every Party (196) with
`BENCH_TARGETS_PER_COUNTRY` published national targets (default 20), each with
`BENCH_TARGET_UPDATES` progress updates (default 10). Reports p50/p95 of a
global target page, the framework's index and the network figures alone, with
their query counts, and the same page filtered to one region (fewer Parties,
the same number of queries)."""

import os
import random
import statistics
import time
from datetime import date

from _setup import percentile, setup

PER_COUNTRY = int(os.environ.get("BENCH_TARGETS_PER_COUNTRY", "20"))
UPDATES = int(os.environ.get("BENCH_TARGET_UPDATES", "10"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
STATUSES = ["not_started", "in_progress", "on_track", "off_track", "achieved"]


def generate() -> None:
    from django.core.management import call_command
    from django.db import transaction

    from community.models import CountryPage, User
    from targets.models import (
        GlobalTarget,
        NationalTarget,
        ProgressUpdate,
        TargetContribution,
    )

    if NationalTarget.objects.filter(code__startswith="BENCH").count() >= (
        196 * PER_COUNTRY
    ):
        return
    started = time.perf_counter()
    call_command("seed_demo", verbosity=0)
    author = User.objects.get(username="admin")
    countries = list(
        CountryPage.objects.live().filter(locale__language_code="en", depth=4)
    )
    numbers = dict(GlobalTarget.objects.values_list("number", "pk"))
    rng = random.Random(23)
    with transaction.atomic():
        targets = NationalTarget.objects.bulk_create(
            [
                NationalTarget(
                    country=country,
                    code=f"BENCH{n}",
                    titles={"en": f"National target {n} of {country.iso_code}"},
                    status=rng.choice(STATUSES),
                    publication="published",
                    created_by=author,
                )
                for country in countries
                for n in range(PER_COUNTRY)
            ],
            batch_size=2000,
        )
        contributions = []
        for target in targets:
            for number in rng.sample(range(1, 24), rng.choice([1, 2])):
                contributions.append(
                    TargetContribution(
                        national_target=target,
                        global_target_id=numbers[number],
                        contribution=rng.choice(["full", "partial"]),
                    )
                )
        TargetContribution.objects.bulk_create(contributions, batch_size=5000)
        ProgressUpdate.objects.bulk_create(
            [
                ProgressUpdate(
                    national_target=target,
                    date=date(2016 + step, 6, 1),
                    status=rng.choice(STATUSES),
                    author=author,
                )
                for target in targets
                for step in range(UPDATES)
            ],
            batch_size=5000,
        )
    print(
        f"generated {len(countries)} countries x {PER_COUNTRY} targets x "
        f"{UPDATES} updates in {time.perf_counter() - started:.1f}s"
    )


def _time(label: str, call) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call()  # warm the process (templates, the map's paths)
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            call()
        timings.append((time.perf_counter() - started) * 1000)
    print(
        f"{label} ({len(queries)} queries): p50 {statistics.median(timings):.0f} ms, "
        f"p95 {percentile(timings, 0.95):.0f} ms"
    )


def measure() -> None:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    # Fresh planner statistics after the bulk insert, as autovacuum would
    # give a live site.
    with connection.cursor() as cursor:
        cursor.execute(
            "ANALYZE targets_nationaltarget, targets_targetcontribution, "
            "targets_progressupdate"
        )

    from targets.figures import network_figures
    from targets.models import NationalTarget, ProgressUpdate

    print(
        f"{NationalTarget.objects.count()} national targets, "
        f"{ProgressUpdate.objects.count()} progress updates"
    )
    client = Client()

    def page(address):
        def get():
            cache.clear()
            response = client.get(address)
            assert response.status_code == 200, response.status_code

        return get

    _time("network figures, 23 global targets", network_figures)
    _time("/gbf/targets/3/ (every Party)", page("/gbf/targets/3/"))
    _time("/gbf/targets/3/?region=africa", page("/gbf/targets/3/?region=africa"))
    _time("/gbf/ (index with the figures)", page("/gbf/"))
    # For scale: a light page of the same site, rendered afresh, on this machine now.
    _time("baseline: /cooperation/case-studies/", page("/cooperation/case-studies/"))


if __name__ == "__main__":
    setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    generate()
    measure()

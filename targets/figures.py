"""The network's figures on national targets, read in a constant number of
queries whatever the number of Parties: which Parties mapped a national target
to each global target, and where they stand.

A Party's status for a global target is the least advanced status of its
published national targets mapped to it (`STATUS_RANK`): a Party is "on
track" for a target when every national target it mapped there is on track
or achieved.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Min
from wagtail.models import Page

from community.models import CountryPage, RegionPage

from .models import (
    STATUS_BY_RANK,
    STATUS_RANK,
    GlobalTarget,
    Publication,
    TargetContribution,
    TargetStatus,
    status_rank,
)

ON_TRACK_RANK = STATUS_RANK[TargetStatus.ON_TRACK]


def _published_contributions():
    return TargetContribution.objects.filter(
        national_target__publication=Publication.PUBLISHED
    )


def _party_ranks(contributions) -> list[dict]:
    return list(
        contributions.values("global_target__number", "national_target__country")
        .annotate(rank=Min(status_rank("national_target__")))
        .order_by()
    )


@dataclass
class TargetFigure:
    target: GlobalTarget
    parties: int = 0
    on_track: int = 0  # on track or achieved

    @property
    def on_track_share(self) -> int:
        return round(100 * self.on_track / self.parties) if self.parties else 0


def network_figures() -> list[TargetFigure]:
    """For each of the 23 global targets: how many Parties have a published
    national target mapped to it, and how many of them are on track. Two
    queries."""
    figures = {t.number: TargetFigure(t) for t in GlobalTarget.objects.all()}
    for row in _party_ranks(_published_contributions()):
        figure = figures.get(row["global_target__number"])
        if figure is None:
            continue
        figure.parties += 1
        if row["rank"] >= ON_TRACK_RANK:
            figure.on_track += 1
    return list(figures.values())


@dataclass(frozen=True)
class Place:
    """What the pages read of a country or region."""

    pk: int
    title: str
    iso_code: str
    path: str


@dataclass
class PartyStatus:
    country: Place
    status: str
    region: Place | None = None
    url: str = ""
    name: str = ""
    region_name: str = ""

    @property
    def status_label(self) -> str:
        return TargetStatus(self.status).label


@dataclass
class GlobalTargetFigures:
    parties: list[PartyStatus]
    distribution: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.parties)


def regions_by_path() -> dict[str, Place]:
    return {
        path: Place(pk, title, "", path)
        for pk, title, path in RegionPage.objects.values_list("pk", "title", "path")
    }


def global_target_figures(
    target: GlobalTarget, region: RegionPage | None = None, status: str | None = None
) -> GlobalTargetFigures:
    """The Parties with a published national target mapped to `target`, each
    with its status, filtered by region and status. Three queries."""
    contributions = _published_contributions().filter(global_target=target)
    if region is not None:
        contributions = contributions.filter(
            national_target__country__path__startswith=region.path
        )
    ranks = {
        row["national_target__country"]: row["rank"]
        for row in _party_ranks(contributions)
    }
    if status:
        ranks = {k: v for k, v in ranks.items() if STATUS_BY_RANK[v] == status}
    # Plain rows, not pages: a page instance costs more than the page needs.
    countries = [
        Place(*row)
        for row in CountryPage.objects.filter(pk__in=list(ranks)).values_list(
            "pk", "title", "iso_code", "path"
        )
    ]
    regions = regions_by_path()
    parties = sorted(
        (
            PartyStatus(
                country,
                STATUS_BY_RANK[ranks[country.pk]],
                regions.get(country.path[: -Page.steplen]),
            )
            for country in countries
        ),
        key=lambda p: p.country.title,
    )
    counts = Counter(p.status for p in parties)
    distribution = [
        (value, label, counts.get(value, 0))
        for value, label in sorted(
            TargetStatus.choices,
            key=lambda choice: STATUS_RANK[choice[0]],
            reverse=True,
        )
    ]
    return GlobalTargetFigures(parties, distribution)


def country_summary(targets) -> list[tuple[str, str, int]]:
    """How many of a country's targets stand at each status."""
    counts = Counter(t.status for t in targets)
    return [
        (value, label, counts.get(value, 0))
        for value, label in sorted(
            TargetStatus.choices,
            key=lambda choice: STATUS_RANK[choice[0]],
            reverse=True,
        )
    ]

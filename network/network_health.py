"""How alive the CHM network is, country by country and region by region.

The reviews of the CHM found the network quiet and carried by a few actors;
these figures let the Secretariat and the regional nodes see where to reach
out. Everything is computed with a fixed number of aggregate queries (one per
kind of activity, never one per country or per post) and cached, so the
dashboard costs the same with ten posts or a million.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from core.content_writes import content_version

WINDOW_DAYS = 90
TIMELINE_MONTHS = 12
CACHE_KEY = "network:health:v2"
CACHE_SECONDS = 15 * 60
ACTIVITY_KINDS = ("news", "topics", "replies", "toolkits")
# How many countries the "most active" and "least active" lists name at most.
RANKED = 5
# Upper bounds of the activity buckets the map colours by (news + topics +
# replies + toolkits over the window); above the last bound is the top bucket.
ACTIVITY_BUCKETS = (0, 2, 9, 29)


@dataclass
class CountryHealth:
    id: int
    iso: str
    title: str
    slug: str
    url: str
    region_slug: str
    capacity_level: int
    has_focal_point: bool
    has_website: bool
    feed_status: str  # "none" (no feed), or FeedHarvest.Status: never, ok, error
    last_harvest: datetime | None = None
    news: int = 0
    topics: int = 0
    replies: int = 0
    toolkits: int = 0
    active_members: int = 0

    @property
    def activity(self) -> int:
        return self.news + self.topics + self.replies + self.toolkits

    @property
    def is_quiet(self) -> bool:
        return self.activity == 0

    @property
    def activity_bucket(self) -> int:
        for bucket, bound in enumerate(ACTIVITY_BUCKETS):
            if self.activity <= bound:
                return bucket
        return len(ACTIVITY_BUCKETS)

    def as_row(self) -> dict:
        row = asdict(self)
        row["last_harvest"] = self.last_harvest.isoformat() if self.last_harvest else ""
        row["activity"] = self.activity
        row["quiet"] = self.is_quiet
        del row["id"]
        return row


@dataclass
class RankGroup:
    """Countries with the same activity. `listed` is False when the group is
    too large for the list: it is then summed up ("140 Parties: 0")."""

    activity: int
    countries: list[CountryHealth]
    listed: bool = True


@dataclass
class Ranking:
    groups: list[RankGroup] = field(default_factory=list)

    @property
    def ids(self) -> set[int]:
        return {c.id for group in self.groups for c in group.countries}

    @property
    def listed(self) -> list[CountryHealth]:
        return [c for g in self.groups if g.listed for c in g.countries]

    def __bool__(self) -> bool:
        return bool(self.groups)


def rank(countries: list[CountryHealth], descending: bool, size: int = RANKED):
    """The `size` countries at one end of the activity ranking, in groups of
    equal activity so that a tie is never split: a group that fits is listed
    whole; a group too large to list (a hundred quiet countries, say) is
    counted instead, for the first two groups, and the list goes on with the
    next groups."""
    ordered = sorted(
        countries, key=lambda c: (-c.activity if descending else c.activity, c.title)
    )
    groups: list[RankGroup] = []
    for country in ordered:
        if groups and groups[-1].activity == country.activity:
            groups[-1].countries.append(country)
        else:
            groups.append(RankGroup(country.activity, [country]))
    ranking, room = Ranking(), size
    for group in groups:
        if len(group.countries) <= room:
            ranking.groups.append(group)
            room -= len(group.countries)
        elif not ranking.listed and len(ranking.groups) < 2:
            group.listed = False
            ranking.groups.append(group)
        else:
            break
        if room == 0:
            break
    return ranking


@dataclass
class RegionHealth:
    slug: str
    title: str
    url: str
    countries: list[CountryHealth] = field(default_factory=list)
    # Activity per month, aligned with NetworkHealth.months.
    timeline: list[int] = field(default_factory=list)

    def total(self, kind: str) -> int:
        return sum(getattr(country, kind) for country in self.countries)

    @property
    def totals(self) -> dict[str, int]:
        kinds = (*ACTIVITY_KINDS, "active_members", "activity")
        return {kind: self.total(kind) for kind in kinds}

    @property
    def quiet(self) -> list[CountryHealth]:
        return [c for c in self.countries if c.is_quiet]


@dataclass
class NetworkHealth:
    generated_at: datetime
    since: datetime
    months: list[date]
    regions: list[RegionHealth]

    @property
    def countries(self) -> list[CountryHealth]:
        return [country for region in self.regions for country in region.countries]

    def country(self, iso: str) -> CountryHealth | None:
        """By ISO code, so every translation of a CountryPage finds its figures."""
        iso = (iso or "").upper()
        return next((c for c in self.countries if c.iso == iso), None)

    def region(self, slug: str) -> RegionHealth | None:
        return next((r for r in self.regions if r.slug == slug), None)

    @property
    def most_active(self) -> Ranking:
        """The most active Parties of the whole network (never a region's
        few): those with the most contributions, ties kept together."""
        active = [c for c in self.countries if not c.is_quiet]
        return rank(active, descending=True)

    @property
    def least_active(self) -> Ranking:
        """The least active, quiet ones included, never naming a country
        that `most_active` names."""
        most = self.most_active
        rest = [c for c in self.countries if c.id not in most.ids]
        return rank(rest, descending=False)

    @property
    def quiet_count(self) -> int:
        return sum(1 for country in self.countries if country.is_quiet)

    @property
    def capacity_distribution(self) -> list[int]:
        counts = [0] * 6
        for country in self.countries:
            counts[country.capacity_level] += 1
        return counts

    def as_json(self, region: RegionHealth | None = None) -> dict:
        regions = [region] if region else self.regions
        return {
            "generated_at": self.generated_at.isoformat(),
            "window_days": WINDOW_DAYS,
            "since": self.since.isoformat(),
            "months": [month.isoformat() for month in self.months],
            "capacity_distribution": self.capacity_distribution,
            "regions": [
                {
                    "slug": r.slug,
                    "title": r.title,
                    "totals": r.totals,
                    "timeline": r.timeline,
                    "quiet": [c.iso for c in r.quiet],
                    "countries": [c.as_row() for c in r.countries],
                }
                for r in regions
            ],
        }


def _cache_key(suffix: str = "") -> str:
    """Keyed by the content version (core/content_writes.py), like the page
    cache: a post, a publication or a changed capacity level shows on the
    next request instead of when the entry expires."""
    return f"{CACHE_KEY}:{content_version()}{suffix}"


def network_health(refresh: bool = False) -> NetworkHealth:
    """The cached figures; `refresh` recomputes them now."""
    key = _cache_key()
    if not refresh:
        cached = cache.get(key)
        if cached is not None:
            return cached
    health = compute_network_health()
    cache.set(key, health, CACHE_SECONDS)
    return health


def _month_starts(now: datetime, count: int) -> list[date]:
    year, month = now.year, now.month
    months = []
    for _step in range(count):
        months.append(date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(months))


def _activity_sources() -> dict[str, tuple]:
    """Each kind of activity: its queryset, the path to its country and the
    moment it happened. One definition for the dashboard and the country pages."""
    from blog.models import BlogPostPage
    from forum.models import Post, Topic
    from toolkits.models import ToolkitPage

    news = BlogPostPage.objects.live().filter(country__isnull=False)
    topics = Topic.objects.filter(
        is_hidden=False, is_deleted=False, author__country__isnull=False
    )
    replies = Post.objects.filter(
        number__gt=1,
        is_hidden=False,
        is_deleted=False,
        is_held=False,
        topic__is_deleted=False,
        author__country__isnull=False,
    )
    toolkits = ToolkitPage.objects.live().filter(country__isnull=False)
    return {
        "news": (news, "country_id", "published_at"),
        "topics": (topics, "author__country_id", "created_at"),
        "replies": (replies, "author__country_id", "created_at"),
        "toolkits": (toolkits, "country_id", "first_published_at"),
    }


def _active_members(since: datetime):
    """Members who wrote something in the window: a topic or reply, a news post
    they are credited on, or a toolkit they own."""
    from blog.models import BlogPostAuthor
    from community.models import User
    from forum.models import Post
    from toolkits.models import ToolkitPage

    return User.objects.filter(is_active=True, country__isnull=False).filter(
        Exists(
            Post.objects.filter(
                author=OuterRef("pk"),
                created_at__gte=since,
                is_deleted=False,
                is_hidden=False,
            )
        )
        | Exists(
            BlogPostAuthor.objects.filter(
                author=OuterRef("pk"),
                page__live=True,
                page__published_at__gte=since,
            )
        )
        | Exists(
            ToolkitPage.objects.live().filter(
                owner=OuterRef("pk"), first_published_at__gte=since
            )
        )
    )


def _focal_point_exists():
    from community.models import User

    return Exists(
        User.objects.filter(is_active=True, groups=OuterRef("focal_point_group_id"))
    )


def country_health(country) -> CountryHealth:
    """One country's figures for its page, in a single query (scalar
    subqueries) and cached; the same definitions as the dashboard's."""
    key = _cache_key(f":country:{country.iso_code.upper()}")
    cached = cache.get(key)
    if cached is not None:
        return cached
    from blog.models import FeedHarvest
    from community.models import CountryPage

    since = timezone.now() - timedelta(days=WINDOW_DAYS)

    def count(queryset, country_field: str):
        return Coalesce(
            Subquery(
                queryset.filter(**{country_field: OuterRef("pk")})
                .order_by()
                .values(country_field)
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            0,
        )

    # Prefixed: `news` and `toolkits` are reverse relations of CountryPage.
    annotations = {
        f"n_{kind}": count(qs.filter(**{f"{moment}__gte": since}), field)
        for kind, (qs, field, moment) in _activity_sources().items()
    }
    annotations["n_active_members"] = count(_active_members(since), "country_id")
    harvest = FeedHarvest.objects.filter(country=OuterRef("pk"))
    row = (
        CountryPage.objects.filter(pk=country.pk)
        .annotate(
            has_focal=_focal_point_exists(),
            harvest_status=Subquery(harvest.values("status")[:1]),
            harvest_success=Subquery(harvest.values("last_success")[:1]),
            **annotations,
        )
        .values(
            "iso_code",
            "title",
            "slug",
            "url_path",
            "capacity_level",
            "national_website",
            "feed_url",
            "has_focal",
            "harvest_status",
            "harvest_success",
            *annotations,
        )
        .first()
    )
    region = country.region  # the page template reads it too (cached property)
    health = CountryHealth(
        id=country.pk,
        iso=row["iso_code"],
        title=row["title"],
        slug=row["slug"],
        url=_page_url(row["url_path"]),
        region_slug=region.slug if region else "",
        capacity_level=row["capacity_level"],
        has_focal_point=row["has_focal"],
        has_website=bool(row["national_website"]),
        feed_status=(row["harvest_status"] or "never") if row["feed_url"] else "none",
        last_harvest=row["harvest_success"],
        **{name.removeprefix("n_"): row[name] for name in annotations},
    )
    cache.set(key, health, CACHE_SECONDS)
    return health


def compute_network_health(now: datetime | None = None) -> NetworkHealth:
    from blog.models import FeedHarvest
    from community.models import CountryPage, RegionPage

    now = now or timezone.now()
    since = now - timedelta(days=WINDOW_DAYS)
    months = _month_starts(now, TIMELINE_MONTHS)
    timeline_start = timezone.make_aware(
        datetime(months[0].year, months[0].month, 1),
        timezone.get_current_timezone(),
    )

    default_locale = Q(locale__language_code=settings.LANGUAGE_CODE)
    regions = list(
        RegionPage.objects.live()
        .filter(default_locale)
        .order_by("path")
        .values("path", "slug", "title", "url_path")
    )
    region_by_path = {r["path"]: r for r in regions}
    countries = (
        CountryPage.objects.live()
        .filter(default_locale)
        .annotate(has_focal=_focal_point_exists())
        .order_by("title")
        .values(
            "id",
            "path",
            "iso_code",
            "title",
            "slug",
            "url_path",
            "capacity_level",
            "national_website",
            "feed_url",
            "has_focal",
        )
    )
    harvests = {
        h["country_id"]: h
        for h in FeedHarvest.objects.values("country_id", "status", "last_success")
    }

    # order_by() clears the page tree's ordering, which would split the groups.
    def per_country(queryset, country_field: str) -> dict[int, int]:
        return dict(
            queryset.order_by()
            .values(country_field)
            .annotate(n=Count("pk"))
            .values_list(country_field, "n")
        )

    sources = _activity_sources()
    counts = {
        kind: per_country(qs.filter(**{f"{moment}__gte": since}), country_field)
        for kind, (qs, country_field, moment) in sources.items()
    }
    counts["active_members"] = per_country(_active_members(since), "country_id")

    # Activity per country and month, for the regional timelines.
    monthly: dict[tuple[int, date], int] = {}
    for qs, country_field, moment in sources.values():
        rows = (
            qs.filter(**{f"{moment}__gte": timeline_start})
            .order_by()
            .annotate(month=TruncMonth(moment))
            .values(country_field, "month")
            .annotate(n=Count("pk"))
            .values_list(country_field, "month", "n")
        )
        for country_id, month, n in rows:
            if month is None:
                continue
            key = (country_id, month.date() if isinstance(month, datetime) else month)
            monthly[key] = monthly.get(key, 0) + n

    region_objects = {
        r["path"]: RegionHealth(
            slug=r["slug"], title=r["title"], url=_page_url(r["url_path"])
        )
        for r in regions
    }
    for row in countries:
        region_path = row["path"][: -CountryPage.steplen]
        region = region_objects.get(region_path)
        if region is None:
            continue
        harvest = harvests.get(row["id"])
        if not row["feed_url"]:
            feed_status = "none"
        else:
            feed_status = harvest["status"] if harvest else "never"
        country = CountryHealth(
            id=row["id"],
            iso=row["iso_code"],
            title=row["title"],
            slug=row["slug"],
            url=_page_url(row["url_path"]),
            region_slug=region_by_path[region_path]["slug"],
            capacity_level=row["capacity_level"],
            has_focal_point=row["has_focal"],
            has_website=bool(row["national_website"]),
            feed_status=feed_status,
            last_harvest=harvest["last_success"] if harvest else None,
            **{kind: counts[kind].get(row["id"], 0) for kind in counts},
        )
        region.countries.append(country)
    for region in region_objects.values():
        ids = [country.id for country in region.countries]
        region.timeline = [
            sum(monthly.get((country_id, month), 0) for country_id in ids)
            for month in months
        ]
    return NetworkHealth(
        generated_at=now,
        since=since,
        months=months,
        regions=list(region_objects.values()),
    )


def _page_url(url_path: str) -> str:
    """The page's path under the site root (`/home/africa/benin/` ->
    `/africa/benin/`), without a query per page."""
    parts = url_path.strip("/").split("/")
    return "/" + "/".join(parts[1:]) + "/" if len(parts) > 1 else "/"

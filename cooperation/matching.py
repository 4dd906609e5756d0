"""Which offers and experts fit a request, and why.

A match needs at least one CBD subject in common (the request's own, or one
of the national targets it cites). Points then add up, and each
point comes with the reason shown to the requester:

- each shared CBD subject: 3
- each subject of a national target the request cites (beyond the request's
  own subjects): 2, with the target named in the reason
- each shared type of assistance: 2
- a shared language: 2
- South–South (provider and requester both from the South, see `south.py`): 3
- the offer covers the requester's region (or the whole world): 1
- a verified expert: 1

Ties go to the newest offer (or the expert who joined first). The candidates
are read with a constant number of queries, whatever the size of the network.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from community.models import RegionPage
from targets.models import NationalTarget, Publication, TargetContribution
from translations.names import place_name

from .models import (
    ACTIVE_STATUSES,
    AssistanceType,
    CooperationOffer,
    CooperationRequest,
)
from .south import is_south

CANDIDATES = 200
# What matching and its templates read of a country (a page: its row is wide).
COUNTRY_FIELDS = ("title", "iso_code", "path", "url_path", "slug")
SUBJECT_POINTS = 3
TARGET_SUBJECT_POINTS = 2
TYPE_POINTS = 2
LANGUAGE_POINTS = 2
SOUTH_POINTS = 3
COVERAGE_POINTS = 1
VERIFIED_POINTS = 1


@dataclass
class Reason:
    """A reason, translated only when shown: most candidates never are."""

    text: object  # a lazy translation
    params: dict = field(default_factory=dict)

    def __str__(self) -> str:
        params = {
            key: ", ".join(str(v) for v in value) if isinstance(value, list) else value
            for key, value in self.params.items()
        }
        return str(self.text) % params if params else str(self.text)


@dataclass
class Match:
    provider: object  # a CooperationOffer or a member (a request, for offers)
    score: int
    why: list[Reason] = field(default_factory=list)
    south_south: bool = False

    @property
    def reasons(self) -> list[str]:
        return [str(reason) for reason in self.why]


def _wide_country_fields(prefix: str) -> list[str]:
    from community.models import CountryPage

    return [
        f"{prefix}__{f.name}"
        for f in CountryPage._meta.concrete_fields
        if f.name not in COUNTRY_FIELDS and not f.primary_key and not f.is_relation
    ]


def regions_by_path() -> dict[str, RegionPage]:
    return {region.path: region for region in RegionPage.objects.all()}


def region_of(country, regions: dict[str, RegionPage]):
    if country is None:
        return None
    return regions.get(country.path[: -Page.steplen])


@dataclass
class Need:
    """What matching reads from a request, loaded once."""

    request: CooperationRequest
    subjects: dict[int, str]  # tag id -> name
    subject_ids: set[int]
    # Subjects of the national targets it cites: tag id -> (name, target titles)
    target_subjects: dict[int, tuple[str, list[str]]]
    types: set[str]
    languages: set[str]
    region: object
    south: bool


def need_of(
    request: CooperationRequest, regions=None, with_targets: bool = True
) -> Need:
    regions = regions if regions is not None else regions_by_path()
    prefetched = getattr(request, "_prefetched_objects_cache", {})
    subjects = list(
        request.subjects.all()
        if "subjects" in prefetched
        else request.subjects.select_related("tag")
    )
    region = region_of(request.country, regions)
    return Need(
        request=request,
        subjects={s.tag_id: s.tag.name for s in subjects},
        subject_ids={s.pk for s in subjects},
        target_subjects=cited_target_subjects(request) if with_targets else {},
        types=set(request.assistance_types),
        languages=set(request.languages),
        region=region,
        south=is_south(request.country.iso_code, region.slug if region else None),
    )


def cited_target_subjects(request) -> dict[int, tuple[str, list[str]]]:
    """The subjects of the published national targets the request cites (of
    their global targets and their own), one query for each kind."""
    if request.pk is None:
        return {}
    targets = list(
        request.national_targets.filter(publication=Publication.PUBLISHED).only(
            "pk", "titles"
        )
    )
    if not targets:
        return {}
    titles = {t.pk: t.title for t in targets}
    pairs = set(
        TargetContribution.objects.filter(national_target__in=targets).values_list(
            "national_target_id",
            "global_target__subjects__tag_id",
            "global_target__subjects__tag__name",
        )
    )
    own = NationalTarget.subjects.through.objects.filter(
        nationaltarget_id__in=titles
    ).values_list("nationaltarget_id", "subject__tag_id", "subject__tag__name")
    found: dict[int, tuple[str, list[str]]] = {}
    for target_id, tag_id, name in sorted(pairs | set(own), key=lambda p: p[0]):
        if tag_id is None:
            continue
        entry = found.setdefault(tag_id, (name, []))
        if titles[target_id] not in entry[1]:
            entry[1].append(titles[target_id])
    return found


def _target_reasons(need: Need, tag_ids) -> tuple[int, list[Reason]]:
    """Points and reasons for subjects of the cited national targets that the
    request's own subjects do not already count."""
    shared = [
        t for t in tag_ids if t in need.target_subjects and t not in need.subjects
    ]
    if not shared:
        return 0, []
    by_target: dict[str, list[str]] = {}
    for tag_id in shared:
        name, titles = need.target_subjects[tag_id]
        for title in titles:
            by_target.setdefault(title, []).append(name)
    reasons = [
        Reason(
            _("Serves the national target “%(target)s”: %(subjects)s"),
            {"target": title, "subjects": ", ".join(sorted(names))},
        )
        for title, names in by_target.items()
    ]
    return TARGET_SUBJECT_POINTS * len(shared), reasons


def _language_names(codes) -> list:
    names = dict(settings.LANGUAGES)
    return [names.get(code, code) for code in sorted(codes)]


def _common(
    need: Need, tag_names: list[str], types: set[str], languages: set[str]
) -> tuple[int, list[Reason]]:
    score, reasons = SUBJECT_POINTS * len(tag_names), []
    if tag_names:
        reasons.append(
            Reason(
                _("Same CBD subjects: %(subjects)s"),
                {"subjects": ", ".join(tag_names)},
            )
        )
    shared_types = need.types & types
    if shared_types:
        score += TYPE_POINTS * len(shared_types)
        labels = [AssistanceType(code).label for code in sorted(shared_types)]
        reasons.append(Reason(_("Offers %(types)s"), {"types": labels}))
    shared_languages = need.languages & languages
    if shared_languages:
        score += LANGUAGE_POINTS
        reasons.append(
            Reason(
                _("Works in %(languages)s"),
                {"languages": _language_names(shared_languages)},
            )
        )
    return score, reasons


def _south_south(need: Need, country, regions) -> tuple[int, list[Reason], bool]:
    region = region_of(country, regions)
    if not (
        need.south
        and country is not None
        and is_south(country.iso_code, region.slug if region else None)
    ):
        return 0, [], False
    if region == need.region:
        reason = Reason(
            _("South–South: from %(country)s, in the same region"),
            {"country": place_name(country)},
        )
    else:
        reason = Reason(
            _("South–South: from %(country)s (%(region)s)"),
            {"country": place_name(country), "region": place_name(region)},
        )
    return SOUTH_POINTS, [reason], True


def score_offer(
    need: Need, offer: CooperationOffer, regions, tag_ids, region_ids
) -> Match | None:
    """`tag_ids`: the offer's subjects (as tags); `region_ids`: its coverage."""
    tag_names = [need.subjects[t] for t in tag_ids if t in need.subjects]
    target_points, target_why = _target_reasons(need, tag_ids)
    if not (tag_names or target_why):
        return None
    score, reasons = _common(
        need, tag_names, set(offer.assistance_types), set(offer.languages)
    )
    score += target_points
    at = 1 if tag_names else 0
    reasons[at:at] = target_why
    points, why, south = _south_south(need, offer.country, regions)
    score += points
    reasons += why
    if not region_ids:
        score += COVERAGE_POINTS
        reasons.append(Reason(_("Available worldwide")))
    elif need.region is not None and need.region.pk in region_ids:
        score += COVERAGE_POINTS
        reasons.append(
            Reason(_("Covers %(region)s"), {"region": place_name(need.region)})
        )
    return Match(offer, score, reasons, south)


def score_expert(need: Need, expert, regions, tag_ids) -> Match | None:
    tag_names = [need.subjects[t] for t in tag_ids if t in need.subjects]
    target_points, target_why = _target_reasons(need, tag_ids)
    if not (tag_names or target_why):
        return None
    score, reasons = _common(need, tag_names, set(), set(expert.languages or []))
    score += target_points
    at = 1 if tag_names else 0
    reasons[at:at] = target_why
    points, why, south = _south_south(need, expert.country, regions)
    score += points
    reasons += why
    if expert.verified_expert:
        score += VERIFIED_POINTS
        reasons.append(Reason(_("Verified expert")))
    return Match(expert, score, reasons, south)


def _pairs(queryset) -> dict[int, set[int]]:
    """(owner id, linked id) rows as {owner id: {linked ids}}, without models."""
    linked: dict[int, set[int]] = {}
    for owner, other in queryset:
        linked.setdefault(owner, set()).add(other)
    return linked


def offer_links(offer_ids) -> tuple[dict, dict]:
    """Each offer's subject tags and covered regions, in two light queries."""
    subjects = CooperationOffer.subjects.through.objects.filter(
        cooperationoffer_id__in=offer_ids
    ).values_list("cooperationoffer_id", "subject__tag_id")
    regions = CooperationOffer.regions.through.objects.filter(
        cooperationoffer_id__in=offer_ids
    ).values_list("cooperationoffer_id", "regionpage_id")
    return _pairs(subjects), _pairs(regions)


def _ranked(matches: list[Match | None], limit: int | None) -> list[Match]:
    # Python's sort is stable: equal scores keep the candidates' order.
    ranked = sorted((m for m in matches if m), key=lambda m: -m.score)
    return ranked[:limit] if limit else ranked


def matching_offers(
    request: CooperationRequest, limit: int | None = 10, regions=None
) -> list[Match]:
    regions = regions if regions is not None else regions_by_path()
    need = need_of(request, regions)
    candidates = list(
        CooperationOffer.objects.active()
        .filter(
            Q(subjects__in=need.subject_ids)
            | Q(subjects__tag__in=list(need.target_subjects))
        )
        .exclude(offered_by_id=request.requested_by_id)
        .distinct()
        .select_related("country", "offered_by")
        .defer("description", *_wide_country_fields("country"))
        .order_by("-created_at", "-pk")[:CANDIDATES]
    )
    tags, covered = offer_links([offer.pk for offer in candidates])
    return _ranked(
        [
            score_offer(
                need, offer, regions, tags.get(offer.pk, ()), covered.get(offer.pk)
            )
            for offer in candidates
        ],
        limit,
    )


def matching_experts(
    request: CooperationRequest, limit: int | None = 5, regions=None
) -> list[Match]:
    regions = regions if regions is not None else regions_by_path()
    need = need_of(request, regions)
    wanted = list(need.subjects) + [
        t for t in need.target_subjects if t not in need.subjects
    ]
    if not wanted:
        return []
    User = get_user_model()
    candidates = list(
        User.objects.filter(
            is_active=True,
            listed_in_directory=True,
            tagged_expertise__tag_id__in=wanted,
        )
        .exclude(pk=request.requested_by_id)
        .annotate(shared=Count("tagged_expertise", distinct=True))
        .select_related("country")
        .defer("bio", "password", *_wide_country_fields("country"))
        .order_by("-shared", "date_joined", "pk")[:CANDIDATES]
    )
    tags = _pairs(
        User.expertise.through.objects.filter(
            content_object_id__in=[user.pk for user in candidates],
            tag_id__in=wanted,
        ).values_list("content_object_id", "tag_id")
    )
    return _ranked(
        [
            score_expert(need, user, regions, tags.get(user.pk, ()))
            for user in candidates
        ],
        limit,
    )


def requests_matching_offer(offer: CooperationOffer, limit: int = 50) -> list[Match]:
    """Requests still looking for help that this offer fits, best first."""
    regions = regions_by_path()
    tags, covered = offer_links([offer.pk])
    candidates = (
        CooperationRequest.objects.filter(
            status__in=ACTIVE_STATUSES[:2], subjects__tag__in=tags.get(offer.pk, ())
        )
        .exclude(requested_by_id=offer.offered_by_id)
        .distinct()
        .select_related("country")
        .prefetch_related("subjects__tag")
        .order_by("-created_at", "-pk")[:CANDIDATES]
    )
    matches = []
    for request in candidates:
        match = score_offer(
            # The offer's own subjects found these requests: a national
            # target's subjects add nothing here (and no query per request).
            need_of(request, regions, with_targets=False),
            offer,
            regions,
            tags.get(offer.pk, ()),
            covered.get(offer.pk),
        )
        if match:
            matches.append(Match(request, match.score, match.why, match.south_south))
    return _ranked(matches, limit)

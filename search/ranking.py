"""The order of results within a kind and across kinds: items with the words
in their title first, then those in the reader's language, then the engine's
relevance (higher is better), then the newest."""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When


def _title_hits(kind, terms: list[str]):
    """How many of the words appear in the title: title matches come first."""
    if not kind.title_fields or not terms:
        return Value(0, output_field=IntegerField())
    total = None
    for term in terms:
        found = Q()
        for name in kind.title_fields:
            found |= Q(**{f"{name}__icontains": term})
        case = Case(When(found, then=1), default=0, output_field=IntegerField())
        total = case if total is None else total + case
    return total


def rank_annotations(kind, qs: QuerySet, terms, language) -> QuerySet:
    """`title_hit` and `language_hit`: what orders results before relevance."""
    prefer = kind.language(language) if kind.language and language else None
    return qs.annotate(
        title_hit=_title_hits(kind, terms),
        language_hit=(
            Case(When(prefer, then=1), default=0, output_field=IntegerField())
            if prefer is not None
            else Value(0, output_field=IntegerField())
        ),
    )


def ordered(qs: QuerySet) -> QuerySet:
    """`qs` (with the rank annotations and `search_score`) in result order."""
    return qs.order_by("-title_hit", "-language_hit", "-search_score", "-pk")


def rank_key(row: tuple) -> tuple:
    """A ranked row's `(pk, title_hit, language_hit, score)` order, best last."""
    return (row[1], row[2], row[3] or 0.0)


def as_ranked(row: dict) -> tuple:
    return (row["pk"], row["title_hit"], row["language_hit"], row["search_score"])


def row_order(row: dict) -> tuple:
    """Best first when sorted in reverse: rank, then newest."""
    return (*rank_key(as_ranked(row)), row["pk"])

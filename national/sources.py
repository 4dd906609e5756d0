"""The directory of a country's information sources, grouped by CBD subject
or filtered to one (`?subject=<code>`), in two queries whatever its size."""

from community.models import Subject

from .models import SourceKind


def sources_context(page, subject_code: str) -> dict:
    labels = dict(SourceKind.choices)
    sources = [
        {**block.value, "kind_label": labels.get(block.value["kind"], "")}
        for block in page.sources
    ]
    used = sorted({code for source in sources for code in source["subjects"] or ()})
    subjects = list(
        Subject.objects.filter(code__in=used)
        .select_related("tag")
        .order_by("kind", "sort_order", "tag__name")
    )
    known = {subject.code for subject in subjects}
    # An unknown code (an old link, a typing slip) shows the whole directory.
    chosen = subject_code if subject_code in known else ""
    groups = []
    for subject in subjects:
        if chosen and subject.code != chosen:
            continue
        listed = [s for s in sources if subject.code in (s["subjects"] or ())]
        groups.append({"subject": subject, "sources": listed})
    unfiled = [s for s in sources if not set(s["subjects"] or ()) & known]
    return {
        "source_subjects": subjects,
        "chosen_subject": chosen,
        "source_groups": groups,
        "unfiled_sources": [] if chosen else unfiled,
        "source_count": len(sources),
    }

"""The CBD subjects: thematic programmes and cross-cutting issues.

They are seeded as tags of the shared vocabulary, each with the CBD thesaurus
identifier the Convention's own services use.
"""

from typing import NamedTuple

from django.utils.translation import gettext_noop


class SubjectSeed(NamedTuple):
    code: str
    name: str
    kind: str


THEMATIC = "thematic"
CROSS_CUTTING = "cross-cutting"

SUBJECTS = (
    SubjectSeed("CBD-SUBJECT-AGR", gettext_noop("Agricultural biodiversity"), THEMATIC),
    SubjectSeed("CBD-SUBJECT-DRY", gettext_noop("Dry and sub-humid lands"), THEMATIC),
    SubjectSeed("CBD-SUBJECT-FOR", gettext_noop("Forest"), THEMATIC),
    SubjectSeed("CBD-SUBJECT-IWB", gettext_noop("Inland waters"), THEMATIC),
    SubjectSeed("CBD-SUBJECT-IBD", gettext_noop("Island"), THEMATIC),
    SubjectSeed("CBD-SUBJECT-MAR", gettext_noop("Marine and coastal"), THEMATIC),
    SubjectSeed("CBD-SUBJECT-MTN", gettext_noop("Mountain"), THEMATIC),
    SubjectSeed(
        "CBD-SUBJECT-ABS", gettext_noop("Access and benefit-sharing"), CROSS_CUTTING
    ),
    SubjectSeed(
        "CBD-SUBJECT-BFD", gettext_noop("Biodiversity for development"), CROSS_CUTTING
    ),
    SubjectSeed("CBD-SUBJECT-CC", gettext_noop("Climate change"), CROSS_CUTTING),
    SubjectSeed(
        "CBD-SUBJECT-CEPA",
        gettext_noop("Communication, education and public awareness (CEPA)"),
        CROSS_CUTTING,
    ),
    SubjectSeed(
        "CBD-SUBJECT-ETI",
        gettext_noop("Economics, trade and incentive measures"),
        CROSS_CUTTING,
    ),
    SubjectSeed("CBD-SUBJECT-EA", gettext_noop("Ecosystem approach"), CROSS_CUTTING),
    SubjectSeed("CBD-SUBJECT-GEN", gettext_noop("Gender"), CROSS_CUTTING),
    SubjectSeed(
        "CBD-SUBJECT-GSPC",
        gettext_noop("Global Strategy for Plant Conservation"),
        CROSS_CUTTING,
    ),
    SubjectSeed(
        "CBD-SUBJECT-GTI", gettext_noop("Global Taxonomy Initiative"), CROSS_CUTTING
    ),
    SubjectSeed("CBD-SUBJECT-IA", gettext_noop("Impact assessment"), CROSS_CUTTING),
    SubjectSeed(
        "CBD-SUBJECT-IMIA",
        gettext_noop("Identification, monitoring, indicators and assessments"),
        CROSS_CUTTING,
    ),
    SubjectSeed(
        "CBD-SUBJECT-IAS", gettext_noop("Invasive alien species"), CROSS_CUTTING
    ),
    SubjectSeed("CBD-SUBJECT-PA", gettext_noop("Protected areas"), CROSS_CUTTING),
    SubjectSeed("CBD-SUBJECT-SU", gettext_noop("Sustainable use"), CROSS_CUTTING),
    SubjectSeed(
        "CBD-SUBJECT-TTC",
        gettext_noop("Technology transfer and cooperation"),
        CROSS_CUTTING,
    ),
    SubjectSeed("CBD-SUBJECT-TOUR", gettext_noop("Tourism"), CROSS_CUTTING),
    SubjectSeed(
        "CBD-SUBJECT-TK",
        gettext_noop("Traditional knowledge (Article 8(j))"),
        CROSS_CUTTING,
    ),
)

"""The CBD subjects: thematic programmes and cross-cutting issues.

They are seeded as tags of the shared vocabulary, each with the CBD thesaurus
identifier the Convention's own services use.
"""

from typing import NamedTuple


class SubjectSeed(NamedTuple):
    code: str
    name: str
    kind: str


THEMATIC = "thematic"
CROSS_CUTTING = "cross-cutting"

SUBJECTS = (
    SubjectSeed("CBD-SUBJECT-AGR", "Agricultural biodiversity", THEMATIC),
    SubjectSeed("CBD-SUBJECT-DRY", "Dry and sub-humid lands", THEMATIC),
    SubjectSeed("CBD-SUBJECT-FOR", "Forest", THEMATIC),
    SubjectSeed("CBD-SUBJECT-IWB", "Inland waters", THEMATIC),
    SubjectSeed("CBD-SUBJECT-IBD", "Island", THEMATIC),
    SubjectSeed("CBD-SUBJECT-MAR", "Marine and coastal", THEMATIC),
    SubjectSeed("CBD-SUBJECT-MTN", "Mountain", THEMATIC),
    SubjectSeed("CBD-SUBJECT-ABS", "Access and benefit-sharing", CROSS_CUTTING),
    SubjectSeed("CBD-SUBJECT-BFD", "Biodiversity for development", CROSS_CUTTING),
    SubjectSeed("CBD-SUBJECT-CC", "Climate change", CROSS_CUTTING),
    SubjectSeed(
        "CBD-SUBJECT-CEPA",
        "Communication, education and public awareness (CEPA)",
        CROSS_CUTTING,
    ),
    SubjectSeed(
        "CBD-SUBJECT-ETI", "Economics, trade and incentive measures", CROSS_CUTTING
    ),
    SubjectSeed("CBD-SUBJECT-EA", "Ecosystem approach", CROSS_CUTTING),
    SubjectSeed("CBD-SUBJECT-GEN", "Gender", CROSS_CUTTING),
    SubjectSeed(
        "CBD-SUBJECT-GSPC", "Global Strategy for Plant Conservation", CROSS_CUTTING
    ),
    SubjectSeed("CBD-SUBJECT-GTI", "Global Taxonomy Initiative", CROSS_CUTTING),
    SubjectSeed("CBD-SUBJECT-IA", "Impact assessment", CROSS_CUTTING),
    SubjectSeed(
        "CBD-SUBJECT-IMIA",
        "Identification, monitoring, indicators and assessments",
        CROSS_CUTTING,
    ),
    SubjectSeed("CBD-SUBJECT-IAS", "Invasive alien species", CROSS_CUTTING),
    SubjectSeed("CBD-SUBJECT-PA", "Protected areas", CROSS_CUTTING),
    SubjectSeed("CBD-SUBJECT-SU", "Sustainable use", CROSS_CUTTING),
    SubjectSeed(
        "CBD-SUBJECT-TTC", "Technology transfer and cooperation", CROSS_CUTTING
    ),
    SubjectSeed("CBD-SUBJECT-TOUR", "Tourism", CROSS_CUTTING),
    SubjectSeed(
        "CBD-SUBJECT-TK", "Traditional knowledge (Article 8(j))", CROSS_CUTTING
    ),
)

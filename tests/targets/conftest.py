import pytest

from ..factories import cooperation_subjects, load_gbf, make_subject


@pytest.fixture
def subjects(db):
    """Forest, marine, invasive alien species and protected areas, then the
    framework linked to them (Target 3: protected areas and marine; Target 6:
    invasive alien species)."""
    found = cooperation_subjects()
    found.pa = make_subject(
        "CBD-SUBJECT-PA", "Protected areas", "cross-cutting", "protected-areas"
    )
    load_gbf()
    return found


@pytest.fixture
def gbf(db):
    load_gbf()

import pytest

from ..factories import cooperation_subjects


@pytest.fixture(autouse=True)
def _media_in_tmp(media_in_tmp):
    """Uploaded and seeded files go to a temporary folder."""


@pytest.fixture
def subjects(db):
    """Forest, marine and invasive alien species: Subject rows, by attribute
    (the root conftest.py's `subjects` are tags by slug)."""
    return cooperation_subjects()

import pytest

from ..factories import add_north, cooperation_subjects


@pytest.fixture
def subjects(db):
    """Forest, marine and invasive alien species: Subject rows, by attribute
    (the root conftest.py's `subjects` are tags by slug)."""
    return cooperation_subjects()


@pytest.fixture
def north(network):
    """A WEOG region and France, to compare South–South with North–South."""
    return add_north(network)

import pytest
from taggit.models import Tag

from ..factories import established


@pytest.fixture(autouse=True)
def _media_in_tmp(media_in_tmp):
    """Uploaded and seeded files go to a temporary folder."""


@pytest.fixture
def writer(db):
    return established(username="writer", display_name="Ada Writer")


@pytest.fixture
def forest_tag(db) -> Tag:
    return Tag.objects.create(name="Forest", slug="forest")

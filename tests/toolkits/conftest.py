import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(media_in_tmp):
    """Uploaded and seeded files go to a temporary folder."""

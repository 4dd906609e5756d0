import pytest
from django.core.cache import cache
from django.test import override_settings


@pytest.fixture(autouse=True)
def _shared_pages_on():
    """The members' shared pages and the answers processes keep are off in
    the rest of the suite (chm/settings/test.py); here they are on, from an
    empty cache."""
    cache.clear()
    with override_settings(
        CHM_MEMBER_PAGE_CACHE_SECONDS=300, CHM_KEPT_ANSWER_SECONDS=60
    ):
        yield
    cache.clear()

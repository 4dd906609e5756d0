import pytest

from ..factories import cooperation


@pytest.fixture
def cooperation_data(content):
    """Cooperation data beside `content` (and as `content.coop`): its requests
    open topics in a public forum, so the forum tests go without it."""
    content.coop = cooperation(content.network)
    return content.coop

import pytest

from ..factories import cooperation, load_gbf, make_target


@pytest.fixture
def cooperation_data(content):
    """Cooperation data beside `content` (and as `content.coop`): its requests
    open topics in a public forum, so the forum tests go without it."""
    content.coop = cooperation(content.network)
    return content.coop


@pytest.fixture
def targets_data(content, people):
    """A published national target of Benin (as `content.national_target`)."""
    load_gbf()
    content.national_target = make_target(people.focal_benin, content.network.benin)
    return content.national_target

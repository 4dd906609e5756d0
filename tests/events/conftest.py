from types import SimpleNamespace

import pytest

from ..factories import calendar_of


@pytest.fixture
def calendars(network) -> SimpleNamespace:
    """The network's calendar (/events/), Africa's, Benin's and Kenya's."""
    return SimpleNamespace(
        network=calendar_of(network.home),
        africa=calendar_of(network.africa),
        benin=calendar_of(network.benin),
        kenya=calendar_of(network.kenya),
        fiji=calendar_of(network.fiji),
    )

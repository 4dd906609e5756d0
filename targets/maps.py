"""The world map the dashboard draws, lent to the global target pages.

The map is drawn by `network` (a floor above this app), so this app does not
import it: `network` registers its map from `ready()`, and the global target
page colours that same map by status. Without a registered map the page
lists the Parties only.
"""

from collections.abc import Callable

_provider: list[Callable[[], object]] = []


def register_world_map(provider: Callable[[], object]) -> None:
    """`provider()` returns an object with `view_box`, `background` (paths of
    what is no Party) and `places` ({ISO code: place with `path`, or `x`/`y`
    for a dot})."""
    _provider[:] = [provider]


def world_map():
    return _provider[0]() if _provider else None

"""Live groups: what else a websocket may listen to besides its member's bell.

The notification socket (consumers.py) knows no content app. An app that
pushes live updates registers a group kind here from its `AppConfig.ready()`
with the rule of who may join which object's group (the forum registers
"topic": open pages of a topic hear of its new posts), and pushes with
`push()`. A client joins with {"type": "watch_<name>", "<name>": id}; the
consumer refuses ids that are not integers, objects the member may not read
and more than `limit` groups of one kind, all alike ("bad <name>").

Pushes are best effort, like the bell's wake-up: a page that misses one
catches up when it is reloaded.
"""

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LiveGroup:
    name: str
    # (user, object id) -> whether `user` may hear of that object (runs in a
    # thread, may query the database).
    may_join: Callable[[object, int], bool]
    limit: int = 20  # groups of this kind one socket may join


_GROUPS: dict[str, LiveGroup] = {}


def register_live_group(
    name: str, may_join: Callable[[object, int], bool], limit: int = 20
) -> None:
    _GROUPS[name] = LiveGroup(name, may_join, limit)


def live_group(name: str) -> LiveGroup | None:
    return _GROUPS.get(name)


def group_name(name: str, object_id: int) -> str:
    return f"{name}.{object_id}"


def push(name: str, object_id: int, message: dict) -> None:
    """Send `message` (JSON-serialisable, with its own "type") to every socket
    listening to object `object_id` of group kind `name`."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        # Serialised once here rather than by each of the listeners.
        text = json.dumps(message)
        async_to_sync(layer.group_send)(
            group_name(name, object_id), {"type": "live.push", "text": text}
        )
    except Exception:  # the layer is down: pages catch up when reloaded
        logger.warning("Could not push to %s %s", name, object_id, exc_info=True)

"""The notification websocket: a signed-in member's bell, and live groups.

Client messages (JSON):
  {"type": "sync", "last_id": N}      send me what I missed after N
  {"type": "watch_<name>", "<name>": I} push what happens to object I of the
                                      live group kind <name> (see live.py; the
                                      forum's "topic": new posts of a topic)
  {"type": "mark_read", "id": N}      mark one notification read ("all" for all)
Server messages:
  {"type": "notifications", "items": [...], "unread": U}
  whatever the app of a joined live group pushes (the forum's
    {"type": "topic.post", "topic": T, "number": N})
  {"type": "error", "error": "..."}
Close codes: see CLOSE_* below.
"""

import json
import time
from collections import deque

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.contrib.auth import get_user_model
from django.utils import timezone

from .delivery import user_group
from .live import group_name, live_group
from .models import Notification

MAX_FRAME_BYTES = 4096
FLOOD_FRAMES = 30
FLOOD_SECONDS = 10
SYNC_LIMIT = 50

# Close codes. The protocol's own 1008 (policy) and 1009 (too big) cannot be
# sent by an application under daphne: autobahn only lets a server close with
# 1000 or 3000-4999, and daphne turns anything else into a logged traceback
# and 1011 (internal error). So the private-use range carries the same meaning:
# 4000 + the RFC 6455 code, and 4401/4403 for "not signed in"/"not allowed".
CLOSE_UNAUTHENTICATED = 4401
CLOSE_SUSPENDED = 4403
CLOSE_POLICY = 4008
CLOSE_TOO_BIG = 4009


class NotificationConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.user = user
        self.last_id = 0
        # Live groups joined, by group kind: {"topic": {12, 40}}.
        self.watched: dict[str, set[int]] = {}
        self.frames: deque[float] = deque(maxlen=FLOOD_FRAMES)
        await self.channel_layer.group_add(user_group(user.pk), self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        user = getattr(self, "user", None)
        if user is None:
            return
        await self.channel_layer.group_discard(user_group(user.pk), self.channel_name)
        for name, object_ids in getattr(self, "watched", {}).items():
            for object_id in object_ids:
                await self.channel_layer.group_discard(
                    group_name(name, object_id), self.channel_name
                )

    async def receive(self, text_data=None, bytes_data=None):
        size = (
            len(text_data.encode()) if text_data is not None else len(bytes_data or b"")
        )
        if size > MAX_FRAME_BYTES:
            await self.close(code=CLOSE_TOO_BIG)
            return
        now = time.monotonic()
        self.frames.append(now)
        if len(self.frames) == FLOOD_FRAMES and now - self.frames[0] < FLOOD_SECONDS:
            await self.close(code=CLOSE_POLICY)
            return
        # The session was checked when the socket opened; a member suspended
        # since then must not go on reading, so every frame checks again (the
        # close sent on suspension is only a wake-up and may be lost).
        if not await self.account_is_active():
            await self.close(code=CLOSE_SUSPENDED)
            return
        try:
            message = json.loads(text_data or "")
        except (TypeError, ValueError):
            await self.error("malformed")
            return
        if not isinstance(message, dict):
            await self.error("malformed")
            return
        kind = message.get("type")
        if kind == "sync":
            await self.sync(message.get("last_id"))
        elif (
            isinstance(kind, str)
            and kind.startswith("watch_")
            and live_group(kind[6:]) is not None
        ):
            await self.watch(kind[6:], message.get(kind[6:]))
        elif kind == "mark_read":
            await self.mark_read(message.get("id"))
        else:
            await self.error("unknown type")

    @database_sync_to_async
    def account_is_active(self) -> bool:
        return get_user_model().objects.filter(pk=self.user.pk, is_active=True).exists()

    async def error(self, reason: str):
        await self.send(text_data=json.dumps({"type": "error", "error": reason}))

    async def sync(self, last_id):
        if isinstance(last_id, bool) or not isinstance(last_id, int) or last_id < 0:
            last_id = self.last_id
        items, unread = await self.fetch_since(last_id)
        if items:
            self.last_id = max(self.last_id, items[-1]["id"])
        await self.send(
            text_data=json.dumps(
                {"type": "notifications", "items": items, "unread": unread}
            )
        )

    @database_sync_to_async
    def fetch_since(self, last_id: int):
        mine = Notification.objects.for_user(self.user)
        rows = list(mine.filter(id__gt=last_id).order_by("id")[:SYNC_LIMIT])
        return [row.as_message() for row in rows], mine.unread().count()

    async def watch(self, name: str, object_id):
        group = live_group(name)
        joined = self.watched.setdefault(name, set())
        if (
            isinstance(object_id, bool)
            or not isinstance(object_id, int)
            or len(joined) >= group.limit
            or not await self.may_join(group, object_id)
        ):
            await self.error(f"bad {name}")
            return
        joined.add(object_id)
        await self.channel_layer.group_add(
            group_name(name, object_id), self.channel_name
        )

    @database_sync_to_async
    def may_join(self, group, object_id: int) -> bool:
        return bool(group.may_join(self.user, object_id))

    async def mark_read(self, notification_id):
        await self.mark_read_in_db(notification_id)
        await self.sync(self.last_id)

    @database_sync_to_async
    def mark_read_in_db(self, notification_id):
        unread = Notification.objects.for_user(self.user).unread()
        if notification_id == "all":
            unread.update(read_at=timezone.now())
        elif isinstance(notification_id, int) and not isinstance(notification_id, bool):
            unread.filter(pk=notification_id).update(read_at=timezone.now())

    # Channel layer events.
    async def notifications_changed(self, event):
        # A push carries titles: not to an account closed since the socket
        # opened, should the close message have been lost.
        if not await self.account_is_active():
            await self.close(code=CLOSE_SUSPENDED)
            return
        await self.sync(self.last_id)

    async def live_push(self, event):
        await self.send(text_data=event["text"])

    async def account_closed(self, event):
        """The member was suspended or their account closed: end the socket."""
        await self.close(code=CLOSE_SUSPENDED)

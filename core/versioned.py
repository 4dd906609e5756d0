"""Answers a process keeps until the next content write.

Some questions are asked on every member's request and change only when
content does: which groups a member is in, whether they have a post waiting
for a moderator. `Remembered` keeps such answers in the process, under the
content version (core/content_writes.py) as read once at the start of the
request: every committed write to content bumps it, so the first request
after a write asks the database again.

An answer is kept only while a request is being answered and the version
could be read (`ContentVersionMiddleware`); outside a request (a task, a
command, a websocket) or with the cache unreachable, every call asks. An
answer is also never older than `CHM_KEPT_ANSWER_SECONDS` (60; 0 turns
keeping off), so a write whose bump was lost cannot keep a stale answer for
long.

Only what content writes change may be kept this way: a question that
depends on anything else needs its own invalidation.
"""

import threading
import time
from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import TypeVar

from django.conf import settings

from .content_writes import readable_content_version

T = TypeVar("T")

# The version read for the request being answered: a holder set by the
# middleware and filled on first use, so a request that asks nothing reads
# nothing.
_UNREAD = object()
_request_version: ContextVar[list | None] = ContextVar(
    "chm_request_content_version", default=None
)
_all: list["Remembered"] = []
# What peek() gives for no answer kept (None may be an answer).
MISSING = object()


def request_content_version() -> int | None:
    """The content version as read once for this request; None outside a
    request or when the cache cannot be read."""
    holder = _request_version.get()
    if holder is None:
        return None
    if holder[0] is _UNREAD:
        holder[0] = readable_content_version()
    return holder[0]


class ContentVersionMiddleware:
    """Marks the span of a request, within which `Remembered` answers are kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set([_UNREAD])
        try:
            return self.get_response(request)
        finally:
            _request_version.reset(token)


class Remembered:
    """A per-process table of answers, each kept for one content version."""

    def __init__(self, name: str, max_entries: int = 20_000):
        self.name = name
        self.max_entries = max_entries
        self._answers: dict[Hashable, tuple[int, float, object]] = {}
        self._lock = threading.Lock()
        _all.append(self)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        answer = self.peek(key)
        if answer is MISSING:
            answer = compute()
            self.keep(key, answer)
        return answer

    def peek(self, key: Hashable):
        """The answer kept for `key` in this version, or MISSING."""
        max_age = settings.CHM_KEPT_ANSWER_SECONDS
        version = request_content_version() if max_age > 0 else None
        if version is None:
            return MISSING
        kept = self._answers.get(key)
        if (
            kept is not None
            and kept[0] == version
            and time.monotonic() - kept[1] < max_age
        ):
            return kept[2]
        return MISSING

    def keep(self, key: Hashable, answer) -> None:
        """Keep `answer` for `key` until the next content write (nothing is
        kept outside a request, or with keeping off)."""
        max_age = settings.CHM_KEPT_ANSWER_SECONDS
        version = request_content_version() if max_age > 0 else None
        if version is None:
            return
        with self._lock:
            if len(self._answers) >= self.max_entries:
                self._answers.clear()
            self._answers[key] = (version, time.monotonic(), answer)

    def forget(self) -> None:
        with self._lock:
            self._answers.clear()


def forget_all() -> None:
    """Every process-kept answer dropped (tests start from nothing)."""
    for table in _all:
        table.forget()

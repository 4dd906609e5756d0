"""What an inbound address leads to, registered by the content apps.

A handler is registered under a short `kind` (at most 20 characters; it is
stored in reply tokens as a two-byte code and in `InboundMessage.handler`, so
once used it never changes). It may offer either or both of:

- replies: `reply(member, target_id, content) -> Posted` posts `content` as
  `member` to the target a reply token names (a topic, a conversation);
  `reply_target(notification) -> int | None` says which target a notification
  email of one of `notification_kinds` is about, so that email carries
  `Reply-To: reply+<token>@<CHM_INBOUND_DOMAIN>`;
- addresses of its own: `find_address(local_part) -> int | None` recognises
  an address such as `forest@<domain>` and gives its target;
  `start(member, target_id, content) -> Posted` starts something there (a
  topic). Only known, verified senders reach it, and DMARC must pass where
  the MTA reported it.

Handlers post through the app's own actions, so every check of the site
applies; a refusal is a `core.refusals.Refusal`, whose message is mailed back.
Filled from `AppConfig.ready()`, read-only afterwards.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class InboundContent:
    """What a member wrote by email, ready to post."""

    subject: str
    text: str  # Markdown: quotes and signature stripped, HTML converted
    language: str  # the member's language, for the post's language
    attachments: tuple[str, ...] = ()  # names of the attachments dropped


@dataclass(frozen=True)
class Posted:
    """What a handler posted: its address, and whether it waits for review."""

    url: str
    held: bool = False


@dataclass(frozen=True)
class InboundHandler:
    kind: str
    reply: Callable[[Any, int, InboundContent], Posted] | None = None
    reply_target: Callable[[Any], int | None] | None = None
    notification_kinds: frozenset[str] = field(default_factory=frozenset)
    find_address: Callable[[str], int | None] | None = None
    start: Callable[[Any, int, InboundContent], Posted] | None = None


_HANDLERS: dict[str, InboundHandler] = {}


def register_inbound_handler(
    kind: str,
    *,
    reply=None,
    reply_target=None,
    notification_kinds=(),
    find_address=None,
    start=None,
) -> InboundHandler:
    if len(kind) > 20:
        raise ValueError(f"Inbound handler kind {kind!r} is longer than 20 characters")
    if (reply is None) != (reply_target is None):
        raise ValueError("A reply handler needs both `reply` and `reply_target`")
    if (find_address is None) != (start is None):
        raise ValueError("An address handler needs both `find_address` and `start`")
    handler = InboundHandler(
        kind,
        reply,
        reply_target,
        frozenset(notification_kinds),
        find_address,
        start,
    )
    _HANDLERS[kind] = handler
    return handler


def get_handler(kind: str) -> InboundHandler | None:
    return _HANDLERS.get(kind)


def handlers() -> list[InboundHandler]:
    return list(_HANDLERS.values())


def handler_for_notification(notification_kind: str) -> InboundHandler | None:
    for handler in _HANDLERS.values():
        if handler.reply and notification_kind in handler.notification_kinds:
            return handler
    return None


def handler_for_address(local_part: str) -> tuple[InboundHandler, int] | None:
    for handler in _HANDLERS.values():
        if handler.find_address is None:
            continue
        target = handler.find_address(local_part)
        if target is not None:
            return handler, target
    return None

"""The read API's rate limit: the site's shared fixed-window counter."""

from core.throttling import Limit, client_key, hit

__all__ = ["Limit", "client_key", "hit"]

"""Refuse oversized request bodies with 413 before reading them.

Django's ASGI handler reads a whole body into a spooled file before any view
or middleware runs, so the limit has to sit in front of it, at the ASGI level:
a declared Content-Length over the limit is answered at once, and a chunked
body is cut off as soon as it passes the limit. nginx's client_max_body_size
does the same job in production (docs/deployment.md); this keeps the
application safe when it is reached directly.
"""

from django.conf import settings
from django.utils.translation import gettext as _


class RequestBodyLimit:
    def __init__(self, app, max_bytes: int | None = None):
        self.app = app
        self.max_bytes = max_bytes

    @property
    def limit(self) -> int:
        return self.max_bytes or settings.CHM_MAX_REQUEST_BYTES

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                return await self._refuse(send, 400, _("Invalid Content-Length."))
            if length < 0:
                return await self._refuse(send, 400, _("Invalid Content-Length."))
            if length > self.limit:
                return await self._refuse(send, 413, self._too_large())

        received = 0
        refused = False

        async def counting_receive():
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request" and not refused:
                received += len(message.get("body", b""))
                if received > self.limit:
                    refused = True
                    await self._refuse(send, 413, self._too_large())
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            if not refused:
                await send(message)

        await self.app(scope, counting_receive, guarded_send)

    def _too_large(self) -> str:
        return _("The request is too large (at most %(megabytes)s MB).") % {
            "megabytes": round(self.limit / 1_048_576)
        }

    @staticmethod
    async def _refuse(send, status: int, message: str) -> None:
        body = (message + "\n").encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

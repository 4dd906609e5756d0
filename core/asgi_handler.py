"""Django's ASGI handler with each request computed in one hop to a thread.

Every view and every middleware of this project is synchronous. Django's own
ASGI handler builds the middleware chain for async, so a request crosses from
the event loop to its thread and back several times: once into the outer
middleware, back out around `MemberPageMiddleware` (synchronous, innermost),
then again for each `process_view`, for the view and for rendering. Each
crossing waits on the event loop and on the interpreter lock; with many
requests open at once those waits, not the work, decide the throughput.

Here the chain is built for sync (`load_middleware(is_async=False)`) and the
whole `get_response` runs in one `sync_to_async` call in the request's own
thread (Django's `ThreadSensitiveContext`, as before). Reading the body,
sending the response, the disconnect watch and the request signals stay with
Django's handler. Websockets do not pass through here (chm/asgi.py).
"""

from asgiref.sync import sync_to_async
from django.core.handlers import base
from django.core.handlers.asgi import ASGIHandler
from django.http import FileResponse


class SyncChainASGIHandler(ASGIHandler):
    def __init__(self):
        base.BaseHandler.__init__(self)
        self.load_middleware(is_async=False)

    async def run_get_response(self, request):
        response = await sync_to_async(self.get_response, thread_sensitive=True)(
            request
        )
        response._handler_class = self.__class__
        # As Django's handler: the server chunks file responses itself.
        if isinstance(response, FileResponse):
            response.block_size = self.chunk_size
        return response

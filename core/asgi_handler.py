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
thread. Reading the body, sending the response, the disconnect watch and the
request signals stay with Django's handler. Websockets do not pass through
here (chm/asgi.py).

That thread is reused. Django's handler gives every request a new
`ThreadSensitiveContext`, so a new executor and a new thread, and the event
loop waits in `Thread.start()` until the thread runs: under load, a sampled
daphne process spent 10% of its time there, on the one thread that serves
every connection. Here each request borrows a single-thread executor from
the process's idle ones (asgiref's `ThreadSensitiveContext(executor=...)`):
all of its thread-sensitive calls (the request signals that open and close
its database connection, the middleware and the view, closing the response)
still run on one thread of their own, and no thread is started per request.
"""

from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.core.handlers import base
from django.core.handlers.asgi import ASGIHandler
from django.http import FileResponse

# Threads kept for the next requests once a burst is over; more are made
# while more requests are open at once.
IDLE_THREADS = 32


class SyncChainASGIHandler(ASGIHandler):
    def __init__(self):
        base.BaseHandler.__init__(self)
        self.load_middleware(is_async=False)
        # Only touched on the event loop's thread: no lock needed.
        self._idle_executors: list[ThreadPoolExecutor] = []

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            raise ValueError(
                f"Django can only handle ASGI/HTTP connections, not {scope['type']}."
            )
        if self._idle_executors:
            executor = self._idle_executors.pop()
        else:
            executor = ThreadPoolExecutor(
                max_workers=1, thread_name_prefix="chm-request"
            )
        try:
            async with ThreadSensitiveContext(executor=executor):
                await self.handle(scope, receive, send)
        finally:
            if len(self._idle_executors) < IDLE_THREADS:
                self._idle_executors.append(executor)
            else:
                executor.shutdown(wait=False)

    async def run_get_response(self, request):
        response = await sync_to_async(self.get_response, thread_sensitive=True)(
            request
        )
        response._handler_class = self.__class__
        # As Django's handler: the server chunks file responses itself.
        if isinstance(response, FileResponse):
            response.block_size = self.chunk_size
        return response

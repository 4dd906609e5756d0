"""ASGI entry point: HTTP through Django, websockets through Channels."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chm.settings.dev")
# Django must be set up before anything imports models (as get_asgi_application).
django.setup(set_prefix=False)

from core.asgi_handler import SyncChainASGIHandler  # noqa: E402

# Django's handler, with the middleware and the view in one hop to a thread.
django_asgi_app = SyncChainASGIHandler()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from chm.routing import websocket_urlpatterns  # noqa: E402
from core.body_limit import RequestBodyLimit  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": RequestBodyLimit(django_asgi_app),
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)

"""Websocket routes of every app, gathered for `chm.asgi`."""

from notifications.routing import websocket_urlpatterns as notification_routes

websocket_urlpatterns = [*notification_routes]

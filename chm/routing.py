"""Websocket routes of every app, gathered for `chm.asgi`."""

websocket_urlpatterns: list = []

"""Under a real daphne, the consumer's close codes reach the client as sent and
leave nothing in the server's error log (the communicator cannot show this:
the refusal of 1008/1009 happens in autobahn, below the ASGI application)."""

import json

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from ..factories import established
from ..live import asgi_server, needs_postgres, session_id

pytestmark = pytest.mark.django_db(transaction=True)


def closing_code(base: str, session: str, frames: list[str]) -> int:
    ws_url = base.replace("http://", "ws://") + "/ws/notifications/"
    with connect(
        ws_url,
        additional_headers={"Cookie": f"sessionid={session}", "Origin": base},
        open_timeout=10,
        max_size=None,
    ) as socket:
        try:
            for frame in frames:
                socket.send(frame)
            while True:
                socket.recv(timeout=10)
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else 1006
    raise AssertionError("the server did not close the socket")


@needs_postgres
def test_huge_frames_and_floods_close_with_their_code_and_log_no_error(tmp_path):
    session = session_id(established())
    log = tmp_path / "daphne.log"
    sync = json.dumps({"type": "sync", "last_id": 0})
    with asgi_server(log=log) as base:
        too_big = closing_code(base, session, ["x" * 10_000])
        flood = closing_code(base, session, [sync] * 40)
    output = log.read_text()
    assert (too_big, flood) == (4009, 4008)
    assert "Traceback" not in output and "invalid close code" not in output

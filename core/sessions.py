"""Sessions in the database, read with one plain SQL statement
(SESSION_ENGINE = "core.sessions").

Every signed-in request reads its session first. Django's database store
reads it through the ORM (`Session.objects.get(...)`), and building and
compiling that query costs more than PostgreSQL's answer (core/statements.py).
This store reads the same row with the same conditions (the key, not
expired). Everything else (writing, cycling the key, signing out,
`clearsessions`, the async methods) is Django's database store unchanged, so
the sessions already stored stay valid.
"""

from functools import cache

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone

from .statements import Statement


@cache
def _session_data(model) -> Statement:
    return Statement(
        model,
        "SELECT {session_data} FROM {table} "
        "WHERE {session_key} = %s AND {expire_date} > %s",
    )


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        key = self.session_key
        data = None
        if key is not None:
            connection = connections[router.db_for_read(self.model)]
            now = connection.ops.adapt_datetimefield_value(timezone.now())
            data = _session_data(self.model).value([key, now])
        if data is None:
            # What Django's store does when no live session has this key.
            self._session_key = None
            return None
        # load() reads the data alone.
        return self.model(session_key=key, session_data=data)

"""The embedded default (SQLite) must take concurrent writers without
"database is locked": the site's SQLite options make each write transaction
take the lock up front and wait for it."""

import threading
import time

import pytest
from django.db import OperationalError, connections, transaction
from django.db.utils import ConnectionHandler

from chm.settings.base import SQLITE_OPTIONS

WRITERS = 20
WRITES_EACH = 15


@pytest.fixture
def sqlite_alias(tmp_path, django_db_blocker):
    alias = "sqlite_writers"
    writers = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(tmp_path / "writers.sqlite3"),
        "OPTIONS": dict(SQLITE_OPTIONS),
    }
    connections.settings[alias] = ConnectionHandler().configure_settings(
        {"default": dict(writers), alias: writers}
    )[alias]
    with django_db_blocker.unblock():
        with connections[alias].cursor() as cursor:
            cursor.execute("CREATE TABLE counter (n INTEGER NOT NULL)")
            cursor.execute("INSERT INTO counter (n) VALUES (0)")
            cursor.execute("CREATE TABLE entry (writer INTEGER, seq INTEGER)")
        yield alias
        connections[alias].close()
    del connections.settings[alias]


def _write(alias: str, writer: int, errors: list) -> None:
    try:
        for seq in range(WRITES_EACH):
            # Read, then write, in one transaction: the pattern that fails on
            # a deferred transaction when another writer got there first.
            with transaction.atomic(using=alias):
                with connections[alias].cursor() as cursor:
                    cursor.execute("SELECT n FROM counter")
                    (n,) = cursor.fetchone()
                    time.sleep(0.002)  # some work between the read and the write
                    cursor.execute("UPDATE counter SET n = %s", [n + 1])
                    cursor.execute(
                        "INSERT INTO entry (writer, seq) VALUES (%s, %s)",
                        [writer, seq],
                    )
    except OperationalError as error:
        errors.append(str(error))
    finally:
        connections[alias].close()


def test_twenty_concurrent_sqlite_writers_never_see_database_is_locked(
    sqlite_alias, django_db_blocker
):
    errors: list[str] = []
    with django_db_blocker.unblock():
        threads = [
            threading.Thread(target=_write, args=(sqlite_alias, writer, errors))
            for writer in range(WRITERS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        with connections[sqlite_alias].cursor() as cursor:
            cursor.execute("SELECT n FROM counter")
            (counted,) = cursor.fetchone()
            cursor.execute(
                "SELECT COUNT(*), COUNT(DISTINCT writer || '-' || seq) FROM entry"
            )
            rows, distinct = cursor.fetchone()
            cursor.execute("PRAGMA journal_mode")
            (journal,) = cursor.fetchone()

    assert errors == []
    # No write lost, none duplicated: every increment saw the one before it.
    assert counted == rows == distinct == WRITERS * WRITES_EACH
    assert journal == "wal"

"""Putting the test database back after a module that filled it, and the
demo network in a database of its own (PostgreSQL)."""

import os

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connection, connections

from core.versioned import forget_all


def restore_database(serialized: str) -> None:
    """Put the test database back to `serialized` (from
    connection.creation.serialize_db_to_string()) after a module that filled
    it: flush, reload the rows with their ids, and move every id sequence past
    them (the flush restarted them), as Django's serialized_rollback does."""
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(serialized)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(sql)


# On PostgreSQL, CREATE DATABASE ... TEMPLATE copies a database's files: a
# fraction of a second for the demo network, which seed_demo takes tens of
# seconds to write. A test process seeds it once into a template database and
# each module that reads it gets a copy to itself (its tests' connection and
# the live servers it starts), leaving the process's test database as it was.
#
# Django keeps a thread's connections in thread-local storage, except while an
# asyncio loop runs in the thread, as Playwright's sync API does in browser
# tests: then in the running context's storage. A connection opened by a
# browser test is out of reach of a module fixture's set-up or tear-down that
# runs while no browser is open, and would stay on the database it opened,
# maybe dropped since. So every change of database starts a new generation,
# and `close_outdated_connections`, called where a test's connection is
# about to be used, closes those of an older one.
_generation = 0


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _execute_outside(*statements: str) -> None:
    """Run statements on the server's maintenance database (CREATE and DROP
    DATABASE cannot run in the database they name, nor in a transaction)."""
    with connection._nodb_cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def migrated_source() -> str:
    """A migrated, untouched database to copy: under pytest-xdist on
    PostgreSQL the one the controller migrated and cloned for the workers
    (tests/conftest.py), which nothing connects to while they run; otherwise
    this process's own test database, once its connections are closed."""
    name = connection.settings_dict["NAME"]
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if os.environ.get("CHM_TEST_DATABASES_CLONED") and name.endswith(f"_{worker}"):
        return name.removesuffix(f"_{worker}")
    return name


def _new_generation() -> None:
    global _generation
    connections.close_all()
    _generation += 1


def close_outdated_connections() -> None:
    """Close the connections of the current storage opened before the last
    change of database (outside a transaction: a module's shared world keeps
    one open on purpose)."""
    for conn in connections.all(initialized_only=True):
        if getattr(conn, "_chm_generation", 0) != _generation:
            if not conn.in_atomic_block:
                conn.close()
                conn._chm_generation = _generation


def _terminate_other_sessions(name: str) -> None:
    """This process's connections to `name` kept in another storage (see
    above): a template must have none. They are closed before their next use,
    being of an older generation."""
    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )


def create_database(name: str, template: str) -> None:
    """`name` as a copy of `template` (which must have no other session)."""
    _new_generation()
    if template == connection.settings_dict["NAME"]:
        _terminate_other_sessions(template)
    _execute_outside(
        f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)",
        f"CREATE DATABASE {_quote(name)} TEMPLATE {_quote(template)}",
    )


def drop_database(name: str) -> None:
    _new_generation()
    _execute_outside(f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)")


def use_database(name: str) -> str:
    """Point the default connection (and the live servers started after,
    tests/live.py) at database `name`; return the name it had."""
    _new_generation()
    settings_dict = connections[DEFAULT_DB_ALIAS].settings_dict
    previous = settings_dict["NAME"]
    settings_dict["NAME"] = name
    _forget_rows_of_the_other_database()
    return previous


def _forget_rows_of_the_other_database() -> None:
    """What the process keeps of one database's rows is wrong in another:
    content type ids (a transactional test's flush recreates the content
    types of the test database with new ids, the demo copies keep the first
    ones), sites and their root pages in the cache, and the answers kept
    per content version (core/versioned.py)."""
    ContentType.objects.clear_cache()
    cache.clear()
    forget_all()

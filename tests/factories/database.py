"""Putting the test database back after a module that filled it."""

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection


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

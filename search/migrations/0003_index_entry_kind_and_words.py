"""A full-text index per kind: content type and `title || body` together.

A search reads each kind's matches separately. With only the word index, a
word found in every forum post but in no news costs, for the news, either the
bitmap of every post that has it or a check of every news entry. This
two-column GIN index (content type through `btree_gin`) finds one kind's
matches directly. Queries name the content type as `content_type_id::integer`
so that only this index, not the btree ones, can serve that condition.

PostgreSQL only. Where the `btree_gin` extension cannot be created (a
database role without the right), the index is skipped: searches stay
correct, only slower for words common in one kind and rare in another.
"""

import logging

from django.db import DatabaseError, migrations, transaction

INDEX = "chm_search_kind_title_body_gin"
logger = logging.getLogger(__name__)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    except DatabaseError:
        logger.warning("btree_gin is not available: %s not created", INDEX)
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
        "USING gin ((content_type_id::integer), (title || body))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_index_entry_object_order")]

    operations = [migrations.RunPython(create, drop)]

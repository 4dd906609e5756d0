"""Index entries of one content type in numeric object order (PostgreSQL).

Results that rank equally come newest first. For a word in most items of a kind
(every forum post), `search.candidates` walks this index backwards and stops at
the 501st match instead of matching and sorting every entry; for rarer words
the planner keeps the GIN index. `object_id` is text (any primary key type), so
the index only covers numeric ids and queries repeat its predicate.
"""

from django.db import migrations

INDEX = "chm_search_object_order"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "(content_type_id, ((object_id)::bigint)) "
            "WHERE object_id ~ '^[0-9]{1,18}$'"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_title_and_body_index")]

    operations = [migrations.RunPython(create, drop)]

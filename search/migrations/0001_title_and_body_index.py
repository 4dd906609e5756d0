"""A full-text index on what Wagtail's PostgreSQL search backend matches.

The backend filters with `(title || body) @@ query`; Wagtail indexes title and
body separately, so without this expression index every search scans every
index entry. PostgreSQL only: other databases use their own search structures.
"""

from django.db import migrations

INDEX = "chm_search_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]

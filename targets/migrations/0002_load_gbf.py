from django.db import migrations


def load(apps, schema_editor):
    from targets.reference import sync_reference

    sync_reference(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("targets", "0001_initial"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

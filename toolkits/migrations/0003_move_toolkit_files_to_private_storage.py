from django.db import migrations


def move_files(apps, schema_editor):
    from toolkits.private_files import move_to_private_storage

    resource = apps.get_model("toolkits", "ToolkitResource")
    names = resource.objects.exclude(file="").values_list("file", flat=True)
    move_to_private_storage(list(names))


class Migration(migrations.Migration):
    dependencies = [("toolkits", "0002_toolkit_files_in_private_storage")]

    operations = [migrations.RunPython(move_files, migrations.RunPython.noop)]

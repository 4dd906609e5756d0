from django.core.management.base import BaseCommand

from toolkits.models import ToolkitResource
from toolkits.private_files import move_to_private_storage


class Command(BaseCommand):
    help = (
        "Move toolkit files still under MEDIA_ROOT (stored before they became "
        "private, or restored from an old backup) to the private storage."
    )

    def handle(self, *args, **options):
        names = ToolkitResource.objects.exclude(file="").values_list("file", flat=True)
        moved = move_to_private_storage(names.iterator())
        self.stdout.write(f"{moved} toolkit file(s) moved to the private storage.")

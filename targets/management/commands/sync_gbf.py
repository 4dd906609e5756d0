from django.core.management.base import BaseCommand

from targets.reference import sync_reference


class Command(BaseCommand):
    help = (
        "Load or reload the Global Biodiversity Framework from targets/data/gbf.json."
    )

    def handle(self, *args, **options):
        counts = sync_reference()
        self.stdout.write(
            "GBF: {goals} goals, {targets} targets, "
            "{headline_indicators} headline indicators.".format(**counts)
        )

from django.core.management.base import BaseCommand

from notifications.emails import send_digests


class Command(BaseCommand):
    help = "Email the daily and weekly notification digests that are due."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_digests()} digests sent.")

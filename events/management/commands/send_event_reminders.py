from django.core.management.base import BaseCommand

from events.reminding import send_event_reminders


class Command(BaseCommand):
    help = (
        "Remind followers of the events that start in the next 24 hours "
        "(each member once per event; safe to run often and in parallel)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{send_event_reminders()} event reminders sent.")

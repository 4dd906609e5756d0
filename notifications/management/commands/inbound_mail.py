"""Run the email-in server: replies to notification emails and topics started
by email (notifications/inbound). SMTP by default; --lmtp behind an MTA such
as Postfix (docs/deployment.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from notifications.inbound.server import serve_forever


class Command(BaseCommand):
    help = "Receive replies and new topics by email (SMTP, or LMTP with --lmtp)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=settings.CHM_INBOUND_HOST)
        parser.add_argument("--port", type=int, default=settings.CHM_INBOUND_PORT)
        parser.add_argument(
            "--lmtp", action="store_true", help="Speak LMTP (behind Postfix)."
        )

    def handle(self, *args, host, port, lmtp, **options):
        if not settings.CHM_INBOUND_DOMAIN:
            raise CommandError("Set CHM_INBOUND_DOMAIN to receive email.")
        self.stdout.write(
            f"Email in: {'LMTP' if lmtp else 'SMTP'} on {host}:{port} for "
            f"*@{settings.CHM_INBOUND_DOMAIN} (Ctrl-C stops)"
        )
        serve_forever(host, port, lmtp=lmtp)

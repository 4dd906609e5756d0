"""Print a new VAPID key pair for Web Push, as the settings read it."""

from cryptography.hazmat.primitives import serialization
from django.core.management.base import BaseCommand
from py_vapid import Vapid
from py_vapid.utils import b64urlencode


class Command(BaseCommand):
    help = (
        "Print a new VAPID key pair (P-256, base64url) for CHM_VAPID_PUBLIC_KEY "
        "and CHM_VAPID_PRIVATE_KEY. Keep the private key secret; changing the "
        "pair later stops every device subscribed with the old one."
    )

    def handle(self, *args, **options):
        vapid = Vapid()
        vapid.generate_keys()
        private = vapid.private_key.private_numbers().private_value.to_bytes(32, "big")
        public = vapid.public_key.public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        self.stdout.write(f"CHM_VAPID_PUBLIC_KEY={b64urlencode(public)}")
        self.stdout.write(f"CHM_VAPID_PRIVATE_KEY={b64urlencode(private)}")

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _


def validate_feed_url(value: str) -> None:
    """Accept only http(s) URLs; in production, refuse private and loopback hosts
    so the harvester cannot be pointed at the platform's own network."""
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValidationError(
            _("Enter a web address starting with http:// or https://."),
            code="scheme",
        )
    if getattr(settings, "CHM_ALLOW_PRIVATE_FEEDS", False):
        return
    if host_is_private(parts.hostname):
        raise ValidationError(
            _("This address points to a private or local network."), code="private"
        )


def host_is_private(hostname: str) -> bool:
    try:
        infos = socket.getaddrinfo(hostname, None)
    except (socket.gaierror, UnicodeError):
        # Unresolvable now: the harvester will report it; not a private host.
        return hostname in {"localhost"} or hostname.endswith(".localhost")
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if (
            address.is_private
            or address.is_loopback
            or address.is_link_local
            or address.is_reserved
            or address.is_multicast
            or address.is_unspecified
        ):
            return True
    return False


def validate_username_not_confusable(value: str) -> None:
    """Refuse a username that looks like an existing one (UTS #39 skeletons):
    "аdmin" in Cyrillic is not a second "admin"."""
    from .impersonation import confusable_username_exists

    if confusable_username_exists(value):
        raise ValidationError(
            _(
                "This username looks too much like an existing member's. "
                "Please choose another."
            ),
            code="username_confusable",
        )


# ACCOUNT_USERNAME_VALIDATORS: the model field's own checks, then look-alikes.
USERNAME_VALIDATORS = [
    UnicodeUsernameValidator(),
    MaxLengthValidator(150),
    validate_username_not_confusable,
]

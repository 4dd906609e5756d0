from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from core import outbound


def validate_feed_url(value: str) -> None:
    """Accept only plainly written http(s) URLs; in production, refuse hosts
    that are not public so the harvester cannot be pointed at the platform's
    own network. This is the early, friendly half of the check: the harvester
    checks again, and connects only to the address it checked, at fetch time."""
    try:
        scheme = urlsplit(value).scheme
    except ValueError:
        scheme = ""
    if scheme not in {"http", "https"}:
        raise ValidationError(
            _("Enter a web address starting with http:// or https://."),
            code="scheme",
        )
    try:
        target = outbound.parse_url(value)
    except outbound.UnsafeURL:
        raise ValidationError(
            _(
                "Enter the address as a browser shows it: no user name, password "
                "or backslash, and an IP address written as four plain numbers."
            ),
            code="unsafe",
        ) from None
    if getattr(settings, "CHM_ALLOW_PRIVATE_FEEDS", False):
        return
    try:
        outbound.resolve(target, allow_private=False)
    except outbound.NotPublic:
        raise ValidationError(
            _("This address points to a private or local network."), code="private"
        ) from None
    except outbound.FetchFailed:
        pass  # Unresolvable now: the harvester will report it when it runs.


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

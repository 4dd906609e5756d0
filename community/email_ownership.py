"""Who owns an email address: the first account to verify it.

allauth (ACCOUNT_UNIQUE_EMAIL) counts any address on any account as taken,
verified or not, so a member who adds someone else's address without
verifying it blocks that person's sign-up ("already registered"). Here an
unverified address claims nothing: sign-up with it succeeds, and once one
account verifies it, the unverified copies on other accounts are removed.
allauth itself already refuses to verify an address another account verified
(`EmailAddress.can_set_verified`, backed by its `unique_verified_email`
constraint).
"""

from allauth.account.models import EmailAddress
from django.db import transaction

from .models import User


def address_is_claimed(email: str, *, exclude_user=None) -> bool:
    """Verified by an account, or the address of an account made without
    address records at all (createsuperuser, older imports)."""
    verified = EmailAddress.objects.filter(email__iexact=email, verified=True)
    bare = User.objects.filter(email__iexact=email, emailaddress__isnull=True)
    if exclude_user is not None:
        verified = verified.exclude(user=exclude_user)
        bare = bare.exclude(pk=exclude_user.pk)
    return verified.exists() or bare.exists()


@transaction.atomic
def release_unverified_copies(email_address: EmailAddress) -> None:
    """The account that verified `email_address` keeps it alone."""
    owner_id = email_address.user_id
    EmailAddress.objects.filter(
        email__iexact=email_address.email, verified=False
    ).exclude(user_id=owner_id).delete()
    User.objects.filter(email__iexact=email_address.email).exclude(pk=owner_id).update(
        email=""
    )


def on_email_confirmed(sender, request, email_address, **kwargs) -> None:
    # allauth's email_confirmed signal: sender, request, email_address.
    release_unverified_copies(email_address)

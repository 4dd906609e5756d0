"""Members: `UserFactory` (a verified e-mail and the shared password) and the
role helpers the permission tests need."""

from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from django.test import Client
from django.utils import timezone

from community.models import User

PASSWORD = "a-Strong-passphrase-42"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    display_name = factory.Faker("name")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save()
            EmailAddress.objects.create(
                user=self, email=self.email, verified=True, primary=True
            )

    @factory.post_generation
    def authenticator(self, create, extracted, **kwargs):
        """Staff must have an authenticator app before using the admin
        (community/staff_mfa.py): staff made here have one, unless
        `authenticator=False` is passed."""
        if create and self.is_staff and extracted is not False:
            enrol_in_two_factor(self)


def enrol_in_two_factor(user):
    """Give `user` an authenticator app: staff roles (is_staff, superuser,
    community moderator) have no power until they have one."""
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    return user


def established(**kwargs):
    """A member past the new-member stage (joined weeks ago)."""
    return UserFactory(date_joined=timezone.now() - timedelta(days=60), **kwargs)


def provider(country=None, **fields):
    """A member who offers help, from `country`."""
    return UserFactory(country=country, **fields)


def login(user) -> Client:
    """A test client signed in as `user`."""
    client = Client()
    client.force_login(user)
    return client

from allauth.account import app_settings as account_settings
from allauth.account import signals as account_signals
from allauth.account.adapter import get_adapter
from allauth.account.forms import AddEmailForm as AllauthAddEmailForm
from allauth.account.forms import ChangePasswordForm as AllauthChangePasswordForm
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ResetPasswordKeyForm as AllauthResetPasswordKeyForm
from allauth.account.forms import SetPasswordForm as AllauthSetPasswordForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.models import EmailAddress
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .email_ownership import address_is_claimed
from .impersonation import display_name_taken
from .models import CountryPage, Subject, User
from .signals import expertise_chosen


class SiteLabelsMixin:
    """allauth's forms in the site's voice: sentence-case labels from our own
    catalogue ("Remember me", not "Remember Me") and no placeholders standing
    in for labels (labels sit above the fields, GOV.UK Frontend)."""

    labels: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in self.labels:
                field.label = self.labels[name]
            field.widget.attrs.pop("placeholder", None)


class LoginForm(SiteLabelsMixin, AllauthLoginForm):
    labels = {
        "login": _("Email"),
        "password": _("Password"),
        "remember": _("Remember me"),
    }


class ChangePasswordForm(SiteLabelsMixin, AllauthChangePasswordForm):
    labels = {
        "oldpassword": _("Current password"),
        "password1": _("New password"),
        "password2": _("New password again"),
    }


class SetPasswordForm(SiteLabelsMixin, AllauthSetPasswordForm):
    labels = {"password1": _("Password"), "password2": _("Password again")}


class ResetPasswordKeyForm(SiteLabelsMixin, AllauthResetPasswordKeyForm):
    labels = {"password1": _("New password"), "password2": _("New password again")}


class SignupForm(SiteLabelsMixin, AllauthSignupForm):
    """allauth's sign-up, where an address someone added without verifying it
    does not count as taken (community/email_ownership.py)."""

    labels = {
        "email": _("Email"),
        "username": _("Username"),
        "password1": _("Password"),
        "password2": _("Password again"),
    }

    def validate_unique_email(self, value) -> str:
        if address_is_claimed(value):
            return super().validate_unique_email(value)
        self.account_already_exists = False
        return get_adapter().validate_unique_email(value)


class AddEmailForm(SiteLabelsMixin, AllauthAddEmailForm):
    """allauth's "add an address", where an address another account added
    without verifying it does not count as taken either: the member who
    verifies it first keeps it (community/email_ownership.py)."""

    def clean_email(self) -> str:
        value = self.cleaned_data["email"].lower()
        if address_is_claimed(value, exclude_user=self.user):
            return super().clean_email()
        adapter = get_adapter()
        value = adapter.clean_email(value)
        if EmailAddress.objects.filter(user=self.user, email__iexact=value).exists():
            raise adapter.validation_error("duplicate_email")
        if not EmailAddress.objects.can_add_email(self.user):
            raise adapter.validation_error(
                "max_email_addresses", account_settings.MAX_EMAIL_ADDRESSES
            )
        # What allauth's own form announces (two-factor accounts check it).
        account_signals._add_email.send(
            sender=self.user.__class__, email=value, user=self.user
        )
        return value


class ProfileForm(forms.ModelForm):
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=CountryPage.objects.none(),
        required=False,
        empty_label=_("(none)"),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The UN languages you can work in."),
    )
    expertise = forms.ModelMultipleChoiceField(
        label=_("Expertise"),
        queryset=Subject.objects.select_related("tag"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("CBD subjects you know well."),
    )

    class Meta:
        model = User
        fields = [
            "display_name",
            "country",
            "organisation",
            "position",
            "bio",
            "languages",
            "preferred_language",
            "listed_in_directory",
            "show_email",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = (
            CountryPage.objects.live()
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("title")
            .only("id", "title")
        )
        if self.instance.pk:
            self.initial["expertise"] = Subject.objects.filter(
                tag__in=self.instance.expertise.all()
            )

    def clean_display_name(self) -> str:
        name = " ".join(self.cleaned_data["display_name"].split())
        if (
            name
            and name != self.instance.display_name
            and display_name_taken(name, exclude_pk=self.instance.pk)
        ):
            raise forms.ValidationError(
                _(
                    "Another member already goes by this name (or one that "
                    "looks the same). Add something that tells you apart, "
                    "such as your country or organisation."
                ),
                code="display_name_taken",
            )
        return name

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=commit)
        if commit:
            subjects = self.cleaned_data["expertise"]
            user.expertise.set([subject.tag for subject in subjects])
            expertise_chosen.send(sender=User, user=user, subjects=subjects)
        return user

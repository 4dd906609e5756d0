from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .claims import check_hostname, normalise_hostname


class DomainClaimForm(forms.Form):
    hostname = forms.CharField(
        label=_("Domain"),
        max_length=253,
        help_text=_(
            "The domain your national website will answer at, for example "
            "chm.gouv.bj. Point it at the network's servers once the "
            "Secretariat approves it."
        ),
    )

    def clean_hostname(self) -> str:
        hostname = normalise_hostname(self.cleaned_data["hostname"])
        try:
            check_hostname(hostname)
        except ValidationError as error:
            raise forms.ValidationError(error.messages, code=error.code) from None
        return hostname

from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import kind_choices
from .models import EmailFrequency, NotificationSettings


class SettingsForm(forms.Form):
    email_frequency = forms.ChoiceField(
        label=_("Email me"),
        choices=EmailFrequency.choices,
        widget=forms.RadioSelect,
        help_text=_("A digest suits slow or irregular connections."),
    )

    def __init__(self, *args, settings: NotificationSettings, **kwargs):
        super().__init__(*args, **kwargs)
        self.settings = settings
        self.fields["email_frequency"].initial = settings.email_frequency
        # One line per kind the apps registered (kinds.py), in their order.
        self.kinds = kind_choices()
        for kind, label in self.kinds:
            for channel, channel_label in (
                ("app", _("in the app")),
                ("email", _("by email")),
            ):
                self.fields[f"{kind}__{channel}"] = forms.BooleanField(
                    label=f"{label} ({channel_label})",
                    required=False,
                    initial=settings.wants(kind, channel),
                )

    def kind_rows(self):
        return [
            (label, self[f"{kind}__app"], self[f"{kind}__email"])
            for kind, label in self.kinds
        ]

    def save(self) -> NotificationSettings:
        self.settings.email_frequency = self.cleaned_data["email_frequency"]
        self.settings.channels = {
            kind: {
                "app": self.cleaned_data[f"{kind}__app"],
                "email": self.cleaned_data[f"{kind}__email"],
            }
            for kind, _label in self.kinds
        }
        self.settings.save()
        return self.settings

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

    def __init__(
        self, *args, settings: NotificationSettings, push: bool = False, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.settings = settings
        # The "push" column only where Web Push is set up (push.is_configured).
        self.channels = [("app", _("in the app")), ("email", _("by email"))]
        if push:
            self.channels.append(("push", _("on my devices")))
        self.fields["email_frequency"].initial = settings.email_frequency
        # One line per kind the apps registered (kinds.py), in their order.
        self.kinds = kind_choices()
        for kind, label in self.kinds:
            for channel, channel_label in self.channels:
                self.fields[f"{kind}__{channel}"] = forms.BooleanField(
                    label=f"{label} ({channel_label})",
                    required=False,
                    initial=settings.wants(kind, channel),
                )

    def channel_headings(self):
        headings = {
            "app": _("In the app"),
            "email": _("By email"),
            "push": _("On my devices"),
        }
        return [(channel, headings[channel]) for channel, _label in self.channels]

    def kind_rows(self):
        headings = self.channel_headings()
        return [
            (
                label,
                [
                    (self[f"{kind}__{channel}"], heading)
                    for channel, heading in headings
                ],
            )
            for kind, label in self.kinds
        ]

    def save(self) -> NotificationSettings:
        self.settings.email_frequency = self.cleaned_data["email_frequency"]
        # A channel not on the form (push, when not set up) keeps its value.
        self.settings.channels = {
            kind: {
                **self.settings.channels.get(kind, {}),
                **{
                    channel: self.cleaned_data[f"{kind}__{channel}"]
                    for channel, _label in self.channels
                },
            }
            for kind, _label in self.kinds
        }
        self.settings.save()
        return self.settings

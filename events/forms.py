"""The admin's event form, and the calendar's filters (a plain GET form)."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import CONTENT_LANGUAGES
from tagging.forms import TaggedPageForm

from .validators import validate_time_zone


def _zone(name: str):
    try:
        validate_time_zone(name)
    except forms.ValidationError:
        return None
    return ZoneInfo(name)


class EventPageForm(TaggedPageForm):
    """Start and end are typed as the clock reads where the event happens (in
    its time zone), whatever the editor's own zone; languages are boxes."""

    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=CONTENT_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.initial["languages"] = [
            code for code in (instance.languages or "").split(",") if code
        ]
        zone = _zone(instance.time_zone or "")
        if zone is not None:
            for name in ("start", "end"):
                value = getattr(instance, name, None)
                if value is not None:
                    # Naive wall-clock time: the widget shows it as it is.
                    self.initial[name] = timezone.localtime(value, zone).replace(
                        tzinfo=None
                    )

    def clean_languages(self) -> str:
        codes = self.cleaned_data.get("languages") or []
        return f",{','.join(codes)}," if codes else ""

    def clean(self):
        cleaned = super().clean()
        zone = _zone(cleaned.get("time_zone") or "")
        if zone is not None:
            for name in ("start", "end"):
                value = cleaned.get(name)
                if isinstance(value, dt.datetime):
                    wall_clock = (
                        timezone.make_naive(value)
                        if timezone.is_aware(value)
                        else value
                    )
                    cleaned[name] = wall_clock.replace(tzinfo=zone)
        return cleaned


MONTH = re.compile(r"^(\d{4})-(\d{2})$")
WHEN_CHOICES = [("upcoming", _("Upcoming")), ("past", _("Past"))]
VIEW_CHOICES = [("list", _("List")), ("month", _("Month"))]


class CalendarFilterForm(forms.Form):
    """The calendar's filters. A value that is not a choice is dropped (and
    said so), never an error page."""

    view = forms.ChoiceField(label=_("View"), choices=VIEW_CHOICES, required=False)
    when = forms.ChoiceField(label=_("When"), choices=WHEN_CHOICES, required=False)
    month = forms.CharField(
        label=_("Month"),
        required=False,
        max_length=7,
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-05"}),
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    subject = forms.ChoiceField(label=_("Subject or tag"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, data, *, regions, countries, kinds, subjects, **kwargs):
        super().__init__(data, **kwargs)
        everything = [("", _("All"))]
        self.fields["region"].choices = everything + regions
        self.fields["country"].choices = everything + countries
        self.fields["kind"].choices = everything + kinds
        self.fields["subject"].choices = everything + subjects
        self.fields["language"].choices = everything + list(CONTENT_LANGUAGES)
        for field in ("region", "country"):
            if len(self.fields[field].choices) <= 1:
                del self.fields[field]

    def clean_month(self):
        value = (self.cleaned_data.get("month") or "").strip()
        if not value:
            return None
        match = MONTH.match(value)
        if not match:
            raise forms.ValidationError(_("Enter a month as YYYY-MM."))
        year, month = int(match[1]), int(match[2])
        if not (1 <= month <= 12 and 1900 <= year <= 2999):
            raise forms.ValidationError(_("Enter a month as YYYY-MM."))
        return (year, month)

    def filters(self) -> dict:
        """The valid filters, ignoring any field that did not validate."""
        self.is_valid()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {
                        "aria-invalid": "true",
                        "aria-describedby": f"id_{name}-error",
                    }
                )
        cleaned = getattr(self, "cleaned_data", {})
        return {
            name: cleaned[name]
            for name in self.fields
            if name not in self.errors and cleaned.get(name)
        }

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import RegionPage, Subject
from toolkits.uploads import UPLOAD_VALIDATORS, safe_filename

from .models import (
    GlobalTarget,
    HeadlineIndicator,
    TargetStatus,
    UnitType,
)
from .validators import check_value, check_year

MAX_LINKS = 20


class DateInput(forms.DateInput):
    input_type = "date"


def language_choices():
    return [(code.split("-")[0], name) for code, name in settings.LANGUAGES]


def _target_choices():
    return [
        (target.number, f"{target.number}. {target.title}")
        for target in GlobalTarget.objects.only("number", "titles")
    ]


class NationalTargetForm(forms.Form):
    """A national target: its text in one language at a time, its mapping to
    the global targets, subjects, institution and evidence."""

    code = forms.CharField(label=_("National code"), max_length=20, required=False)
    language = forms.ChoiceField(
        label=_("Language of the title and text"), choices=language_choices
    )
    title = forms.CharField(label=_("Title"), max_length=300)
    text = forms.CharField(
        label=_("Text"), max_length=5000, required=False, widget=forms.Textarea
    )
    full_targets = forms.TypedMultipleChoiceField(
        label=_("Global targets it contributes to fully"),
        coerce=int,
        choices=_target_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("There is no global target %(value)s.")},
    )
    partial_targets = forms.TypedMultipleChoiceField(
        label=_("Global targets it contributes to partly"),
        coerce=int,
        choices=_target_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("There is no global target %(value)s.")},
    )
    subjects = forms.ModelMultipleChoiceField(
        label=_("Other CBD subjects"),
        queryset=Subject.objects.select_related("tag"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Unknown CBD subject."),
            "invalid_pk_value": _("Unknown CBD subject."),
        },
    )
    institution = forms.CharField(
        label=_("Responsible institution"), max_length=200, required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=TargetStatus.choices)
    evidence_links = forms.CharField(
        label=_("Evidence links"),
        help_text=_("One address per line: reports, documents, data."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, with_status: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_status:
            del self.fields["status"]

    def clean_evidence_links(self) -> list[str]:
        lines = [
            line.strip()
            for line in self.cleaned_data["evidence_links"].splitlines()
            if line.strip()
        ]
        if len(lines) > MAX_LINKS:
            raise ValidationError(_("At most %(count)s links.") % {"count": MAX_LINKS})
        check = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                check(line)
            except ValidationError:
                raise ValidationError(
                    _("“%(link)s” is not a web address.") % {"link": line[:80]}
                ) from None
        return list(dict.fromkeys(lines))

    def clean(self):
        data = super().clean()
        both = set(data.get("full_targets") or ()) & set(
            data.get("partial_targets") or ()
        )
        if both:
            self.add_error(
                "partial_targets",
                _("Target %(number)s is ticked as both full and partial.")
                % {"number": min(both)},
            )
        if not (data.get("full_targets") or data.get("partial_targets")):
            if "full_targets" not in self.errors:
                self.add_error(
                    "full_targets", _("Map the target to at least one global target.")
                )
        return data


class IndicatorForm(forms.Form):
    headline = forms.ModelChoiceField(
        label=_("Headline indicator"),
        queryset=HeadlineIndicator.objects.all(),
        required=False,
        error_messages={"invalid_choice": _("Unknown headline indicator.")},
    )
    name = forms.CharField(
        label=_("Or a national indicator"), max_length=200, required=False
    )
    unit_type = forms.ChoiceField(label=_("Unit type"), choices=UnitType.choices)
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False)
    baseline_value = forms.DecimalField(
        label=_("Baseline value"), max_digits=20, decimal_places=4, required=False
    )
    baseline_year = forms.IntegerField(label=_("Baseline year"), required=False)
    latest_value = forms.DecimalField(
        label=_("Latest value"), max_digits=20, decimal_places=4, required=False
    )
    latest_year = forms.IntegerField(label=_("Latest year"), required=False)

    def __init__(self, *args, optional: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.optional = optional
        if optional:
            self.fields["unit_type"].required = False
            self.fields["unit_type"].choices = [("", "—"), *UnitType.choices]

    def clean_baseline_year(self):
        return self._year("baseline_year")

    def clean_latest_year(self):
        return self._year("latest_year")

    def _year(self, name):
        return check_year(self.cleaned_data.get(name))

    def is_empty(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not (data.get("headline") or data.get("name"))

    def clean(self):
        data = super().clean()
        if self.optional and not any(
            data.get(k) not in (None, "")
            for k in ("headline", "name", "baseline_value", "latest_value")
        ):
            return data
        if not (data.get("headline") or data.get("name")):
            self.add_error("name", _("Choose a headline indicator or name one."))
        if not data.get("unit_type"):
            if "unit_type" not in self.errors:
                self.add_error("unit_type", _("Choose a unit type."))
            return data
        for value, year in (
            ("baseline_value", "baseline_year"),
            ("latest_value", "latest_year"),
        ):
            try:
                check_value(data["unit_type"], data.get(value))
            except ValidationError as error:
                self.add_error(value, error)
            if data.get(value) is not None and not data.get(year):
                if year not in self.errors:
                    self.add_error(year, _("Give the year of this value."))
        return data


class ProgressForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    status = forms.ChoiceField(label=_("Status"), choices=TargetStatus.choices)
    note = forms.CharField(
        label=_("Note"), max_length=5000, required=False, widget=forms.Textarea
    )

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        for indicator in self.indicators:
            self.fields[f"value_{indicator.pk}"] = forms.DecimalField(
                label=_("%(indicator)s: value (%(unit)s)")
                % {
                    "indicator": indicator.label,
                    "unit": indicator.unit or indicator.get_unit_type_display(),
                },
                max_digits=20,
                decimal_places=4,
                required=False,
            )
            self.fields[f"year_{indicator.pk}"] = forms.IntegerField(
                label=_("%(indicator)s: year") % {"indicator": indicator.label},
                required=False,
            )

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise ValidationError(_("The date is in the future."))
        return day

    def clean(self):
        data = super().clean()
        values = {}
        for indicator in self.indicators:
            value = data.get(f"value_{indicator.pk}")
            year = data.get(f"year_{indicator.pk}")
            try:
                check_year(year)
            except ValidationError as error:
                self.add_error(f"year_{indicator.pk}", error)
                continue
            if value is None:
                continue
            try:
                check_value(indicator.unit_type, value)
            except ValidationError as error:
                self.add_error(f"value_{indicator.pk}", error)
                continue
            if year is None:
                self.add_error(
                    f"year_{indicator.pk}", _("Give the year of this value.")
                )
                continue
            values[indicator.pk] = (value, year)
        data["values"] = values
        return data


class FilterForm(forms.Form):
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=RegionPage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All regions"),
        error_messages={"invalid_choice": _("Unknown region.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *TargetStatus.choices],
        required=False,
    )
    target = forms.TypedChoiceField(
        label=_("Global target"),
        coerce=int,
        empty_value=None,
        choices=lambda: [("", _("All global targets")), *_target_choices()],
        required=False,
        error_messages={"invalid_choice": _("There is no global target %(value)s.")},
    )

    def __init__(self, *args, with_target: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.models import Locale

        self.fields["region"].queryset = RegionPage.objects.filter(
            locale=Locale.get_default()
        ).order_by("title")
        if not with_target:
            del self.fields["target"]


class EvidenceDocumentForm(forms.Form):
    """A document kept as evidence of a target's progress: the same formats,
    content checks and size limit as toolkit files."""

    title = forms.CharField(label=_("Title"), max_length=255)
    file = forms.FileField(
        label=_("File"),
        validators=UPLOAD_VALIDATORS,
        help_text=_("PDF, office documents, images, ZIP, plain text or CSV."),
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        file.name = safe_filename(file.name)
        return file

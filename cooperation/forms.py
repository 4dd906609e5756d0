from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import CountryPage, RegionPage, Subject
from targets.models import NationalTarget

from .access import countries_for
from .models import AssistanceType, CooperationOffer, ProviderKind, Scope, Status


class DateInput(forms.DateInput):
    input_type = "date"


def subject_field(required: bool = True) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=_("CBD subjects"),
        queryset=Subject.objects.select_related("tag"),
        widget=forms.CheckboxSelectMultiple,
        required=required,
        error_messages={
            "invalid_choice": _("Unknown CBD subject."),
            "invalid_pk_value": _("Unknown CBD subject."),
            "required": _("Choose at least one CBD subject."),
        },
    )


def assistance_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("Types of assistance"),
        choices=AssistanceType.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Unknown type of assistance: %(value)s."),
            "required": _("Choose at least one type of assistance."),
        },
    )


def language_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Unknown language: %(value)s."),
            "required": _("Choose at least one language."),
        },
    )


class RequestForm(forms.Form):
    country = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=CountryPage.objects.none(),
        empty_label=None,
        error_messages={
            "invalid_choice": _(
                "You can ask for help only on behalf of a country where you are a "
                "focal point or national editor."
            )
        },
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    problem = forms.CharField(
        label=_("The problem to solve"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What your country needs, and why. Plain text."),
    )
    assistance_types = assistance_field()
    subjects = subject_field()
    national_targets = forms.ModelMultipleChoiceField(
        label=_("National targets it serves"),
        queryset=NationalTarget.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Your country's published national targets. Offers and experts "
            "working on their subjects rank higher."
        ),
        error_messages={
            "invalid_choice": _("Unknown national target."),
            "invalid_pk_value": _("Unknown national target."),
        },
    )
    languages = language_field()
    scope = forms.ChoiceField(
        label=_("Geographic scope"), choices=Scope.choices, initial=Scope.NATIONAL
    )
    start_date = forms.DateField(
        label=_("Desired start"), required=False, widget=DateInput
    )
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DateInput)
    organisation = forms.CharField(
        label=_("Organisation"), max_length=200, required=False
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=120)
    contact_email = forms.EmailField(label=_("Contact email"))

    def __init__(self, *args, user, request_obj=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request_obj = request_obj
        if request_obj is not None:
            self.fields["country"].queryset = CountryPage.objects.filter(
                pk=request_obj.country_id
            )
            self.fields["country"].disabled = True
            countries = [request_obj.country_id]
        else:
            self.fields["country"].queryset = countries_for(user)
            countries = self.fields["country"].queryset
        self.fields["national_targets"].queryset = (
            NationalTarget.objects.published()
            .filter(country__in=countries)
            .select_related("country")
        )

    def clean_deadline(self):
        deadline = self.cleaned_data.get("deadline")
        unchanged = self.request_obj is not None and (
            deadline == self.request_obj.deadline
        )
        if deadline and not unchanged and deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline is in the past."))
        return deadline

    def clean(self):
        cleaned = super().clean()
        start, deadline = cleaned.get("start_date"), cleaned.get("deadline")
        if start and deadline and start > deadline:
            self.add_error("start_date", _("The desired start is after the deadline."))
        return cleaned

    @classmethod
    def initial_for(cls, request_obj) -> dict:
        return {
            "country": request_obj.country_id,
            "title": request_obj.title,
            "problem": request_obj.problem,
            "assistance_types": request_obj.assistance_types,
            "subjects": list(request_obj.subjects.all()),
            "national_targets": list(request_obj.national_targets.all()),
            "languages": request_obj.languages,
            "scope": request_obj.scope,
            "start_date": request_obj.start_date,
            "deadline": request_obj.deadline,
            "organisation": request_obj.organisation,
            "contact_name": request_obj.contact_name,
            "contact_email": request_obj.contact_email,
        }


class OfferForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("What you can provide"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    provider_kind = forms.ChoiceField(
        label=_("Who offers"), choices=ProviderKind.choices
    )
    organisation = forms.CharField(
        label=_("Organisation"), max_length=200, required=False
    )
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=CountryPage.objects.filter(alias_of__isnull=True).order_by("title"),
        required=False,
        help_text=_(
            "The provider's country (yours by default). To offer on behalf of a "
            "country you must be its focal point or national editor."
        ),
    )
    assistance_types = assistance_field()
    subjects = subject_field()
    regions = forms.ModelMultipleChoiceField(
        label=_("Geographic coverage"),
        queryset=RegionPage.objects.order_by("title"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave empty for worldwide."),
    )
    languages = language_field()
    availability = forms.CharField(
        label=_("Availability"),
        max_length=200,
        required=False,
        help_text=_("For example: two weeks a year, from March 2027."),
    )

    @classmethod
    def initial_for(cls, offer) -> dict:
        return {
            "title": offer.title,
            "description": offer.description,
            "provider_kind": offer.provider_kind,
            "organisation": offer.organisation,
            "country": offer.country_id,
            "assistance_types": offer.assistance_types,
            "subjects": list(offer.subjects.all()),
            "regions": list(offer.regions.all()),
            "languages": offer.languages,
            "availability": offer.availability,
        }


class InterestForm(forms.Form):
    message = forms.CharField(
        label=_("How you can help"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    offer = forms.ModelChoiceField(
        label=_("With your offer"),
        queryset=CooperationOffer.objects.none(),
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if user.is_authenticated:
            self.fields["offer"].queryset = CooperationOffer.objects.active().filter(
                offered_by=user
            )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[
            (Status.OPEN, Status.OPEN.label),
            (Status.DISCUSSION, Status.DISCUSSION.label),
            (Status.WITHDRAWN, Status.WITHDRAWN.label),
        ],
    )
    note = forms.CharField(label=_("Note"), max_length=2000, required=False)


class SelectProviderForm(forms.Form):
    offer = forms.ModelChoiceField(
        label=_("Offer"),
        queryset=CooperationOffer.objects.active(),
        error_messages={"invalid_choice": _("This offer is no longer available.")},
    )


class CloseForm(forms.Form):
    outcome = forms.CharField(
        label=_("Outcome"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What was done, with whom, and what it changed."),
    )
    lessons_learned = forms.CharField(
        label=_("Lessons learned"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What others should know before doing the same."),
    )


class FilterForm(forms.Form):
    """The filters of the lists, from the query string."""

    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any"))] + Status.choices, required=False
    )
    subject = forms.ChoiceField(label=_("CBD subject"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    type = forms.ChoiceField(
        label=_("Type of assistance"),
        choices=[("", _("Any"))] + AssistanceType.choices,
        required=False,
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Any")), *settings.LANGUAGES],
        required=False,
    )

    def __init__(self, *args, with_status: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = [("", _("Any"))] + [
            (s.tag.slug, s.tag.name) for s in Subject.objects.select_related("tag")
        ]
        self.fields["region"].choices = [("", _("Any"))] + [
            (r.slug, r.title) for r in RegionPage.objects.order_by("title")
        ]
        if not with_status:
            del self.fields["status"]

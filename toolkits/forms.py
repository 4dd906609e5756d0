from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from taggit.utils import parse_tags

from community.capacity import CapacityLevel
from community.models import CountryPage
from core.forms import EMPTY_LABEL
from tagging.vocabulary import check_tags

from .models import TOOLKIT_LANGUAGES, Audience, Licence, ToolkitLibraryPage
from .uploads import ALLOWED_EXTENSIONS, UPLOAD_VALIDATORS


class ToolkitProposalForm(forms.Form):
    """What a member tells us about a toolkit they propose, with its main file."""

    library = forms.ModelChoiceField(
        label=_("Library"),
        queryset=ToolkitLibraryPage.objects.none(),
        empty_label=None,
    )
    title = forms.CharField(label=_("Title"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences shown in lists and feeds."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    file = forms.FileField(
        label=_("File"),
        validators=UPLOAD_VALIDATORS,
        help_text=_("Accepted: %(extensions)s.")
        % {"extensions": ", ".join(ALLOWED_EXTENSIONS)},
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(f".{ext}" for ext in ALLOWED_EXTENSIONS)}
        ),
    )
    file_title = forms.CharField(
        label=_("Title of the file"),
        max_length=255,
        required=False,
        help_text=_("Leave empty to use the toolkit's title."),
    )
    file_language = forms.ChoiceField(
        label=_("Language of the file"), choices=TOOLKIT_LANGUAGES, initial="en"
    )
    link_url = forms.URLField(
        label=_("Web page or video (optional)"), max_length=1000, required=False
    )
    subjects = forms.ModelMultipleChoiceField(
        label=_("CBD subjects"),
        queryset=Tag.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    free_tags = forms.CharField(
        label=_("Other tags"),
        max_length=500,
        required=False,
        help_text=_(
            "Separated by commas; five tags at most, CBD subjects included. "
            "New tags appear once the toolkit is published."
        ),
    )
    min_level = forms.TypedChoiceField(
        label=_("From capacity level"),
        choices=CapacityLevel.choices,
        coerce=int,
        initial=CapacityLevel.NO_FOCAL_POINT,
    )
    max_level = forms.TypedChoiceField(
        label=_("To capacity level"),
        choices=CapacityLevel.choices,
        coerce=int,
        initial=CapacityLevel.ADVANCED,
    )
    audience = forms.ChoiceField(
        label=_("Audience"),
        choices=[("", EMPTY_LABEL), *Audience.choices],
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=TOOLKIT_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
    )
    publisher = forms.CharField(label=_("Publisher"), max_length=200, required=False)
    authors = forms.CharField(label=_("Authors"), max_length=500, required=False)
    licence = forms.ChoiceField(
        label=_("Licence"),
        choices=[("", EMPTY_LABEL), *Licence.choices],
        required=False,
    )
    publication_date = forms.DateField(
        label=_("Publication date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    version = forms.CharField(label=_("Version"), max_length=40, required=False)
    country = forms.ModelChoiceField(
        label=_("Country of origin"),
        queryset=CountryPage.objects.none(),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        libraries = ToolkitLibraryPage.objects.live().public().order_by("path")
        self.fields["library"].queryset = libraries
        if len(libraries) == 1:
            self.fields["library"].initial = libraries[0].pk
            self.fields["library"].widget = forms.HiddenInput()
        self.fields["subjects"].queryset = Tag.objects.filter(
            subject__isnull=False
        ).order_by("subject__kind", "subject__sort_order", "name")
        self.fields["country"].queryset = CountryPage.objects.live().order_by("title")

    def clean_free_tags(self) -> list[str]:
        return check_tags(parse_tags(self.cleaned_data.get("free_tags", "")))

    def clean(self):
        cleaned = super().clean()
        if "free_tags" in cleaned:
            subjects = [tag.name for tag in cleaned.get("subjects") or []]
            try:
                check_tags(cleaned["free_tags"], known=subjects)
            except forms.ValidationError as error:
                self.add_error("free_tags", error)
        low, high = cleaned.get("min_level"), cleaned.get("max_level")
        if low is not None and high is not None and low > high:
            self.add_error("max_level", _("Choose a level at or above the first one."))
        return cleaned

"""The expert directory: who declared expertise, and how newcomers find them.

Members choose to be listed (the default) and whether signed-in members see
their email; everyone else is reached through private messages.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import CountryPage, RegionPage, Subject, TaggedExpertise, User
from .roles import is_moderator

SEARCH_MAX = 100


def listed_experts() -> QuerySet:
    """Active members who asked to be listed and declared at least one subject;
    verified experts first."""
    return (
        User.objects.listed()
        .select_related("country")
        .prefetch_related("expertise")
        .order_by("-verified_expert", "display_name", "username")
    )


def default_locale_countries() -> QuerySet:
    return (
        CountryPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("title")
    )


class DirectoryFilterForm(forms.Form):
    """The directory's filters; every value is checked, so a wrong link gets a
    clear answer instead of a silently empty list."""

    KNOWN = {
        "q",
        "subject",
        "country",
        "region",
        "language",
        "organisation",
        "verified",
        "page",
    }

    q = forms.CharField(label=_("Name"), required=False, max_length=SEARCH_MAX)
    subject = forms.ChoiceField(label=_("CBD subject"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any language")), *settings.LANGUAGES],
    )
    organisation = forms.CharField(
        label=_("Organisation"), required=False, max_length=200
    )
    verified = forms.BooleanField(label=_("Verified experts only"), required=False)
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.unknown = sorted(set(data or ()) - self.KNOWN)
        self.fields["subject"].choices = [
            ("", _("Any subject")),
            *(
                (s.tag.slug, s.tag.name)
                for s in Subject.objects.select_related("tag").order_by("tag__name")
            ),
        ]
        self.regions = {
            r.slug: r
            for r in RegionPage.objects.live()
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("title")
        }
        self.fields["region"].choices = [
            ("", _("Any region")),
            *((slug, r.title) for slug, r in self.regions.items()),
        ]
        self.fields["country"].choices = [
            ("", _("Any country")),
            *(
                (c["iso_code"].lower(), c["title"])
                for c in default_locale_countries().values("iso_code", "title")
            ),
        ]

    def clean(self):
        cleaned = super().clean()
        if self.unknown:
            raise forms.ValidationError(
                gettext("Unknown filter: %(names)s.")
                % {"names": ", ".join(n[:40] for n in self.unknown)}
            )
        return cleaned

    def filter(self, experts: QuerySet) -> QuerySet:
        data = self.cleaned_data
        if data.get("q"):
            words = data["q"].split()
            for word in words:
                experts = experts.filter(
                    Q(display_name__icontains=word)
                    | Q(username__icontains=word)
                    | Q(first_name__icontains=word)
                    | Q(last_name__icontains=word)
                )
        if data.get("subject"):
            experts = experts.filter(
                Exists(
                    TaggedExpertise.objects.filter(
                        content_object=OuterRef("pk"), tag__slug=data["subject"]
                    )
                )
            )
        if data.get("region"):
            region = self.regions[data["region"]]
            experts = experts.filter(country__path__startswith=region.path)
        if data.get("country"):
            experts = experts.filter(country__iso_code__iexact=data["country"])
        if data.get("language"):
            # languages is a JSON list of codes; the quoted code matches one item.
            experts = experts.filter(languages__icontains=f'"{data["language"]}"')
        if data.get("organisation"):
            experts = experts.filter(organisation__icontains=data["organisation"])
        if data.get("verified"):
            experts = experts.filter(verified_expert=True)
        return experts


def can_see_email(viewer, member) -> bool:
    """Members who chose to show their email show it to signed-in members only
    (and everyone sees their own)."""
    if not viewer.is_authenticated:
        return False
    return member.pk == viewer.pk or member.show_email


def set_verified_expert(moderator, member: User, verified: bool) -> None:
    """Community moderators vouch for an expert; the badge shows in the
    directory and on the profile."""
    if not is_moderator(moderator):
        raise PermissionDenied(gettext("Only community moderators verify experts."))
    User.objects.filter(pk=member.pk).update(verified_expert=verified)
    member.verified_expert = verified

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from community.models import CountryPage
from forum.models import Forum
from translations.names import place_name

from .widgets import DEFAULT_ITEMS, MAX_ITEMS


class WidgetForm(forms.Form):
    """What a focal point picks for a widget; the embed reads the same fields
    from its URL, so a tampered URL gets the same validation."""

    KIND_CHOICES = [
        ("news", _("Latest news from a country")),
        ("topics", _("Latest topics in a forum")),
        ("toolkits", _("New toolkits")),
    ]

    kind = forms.ChoiceField(label=_("Show"), choices=KIND_CHOICES, initial="news")
    country = forms.ChoiceField(label=_("Country"), required=False)
    forum = forms.ChoiceField(label=_("Forum"), required=False)
    lang = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,
    )
    limit = forms.IntegerField(
        label=_("Number of items"),
        min_value=1,
        max_value=MAX_ITEMS,
        initial=DEFAULT_ITEMS,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—")] + [
            (iso.upper(), place_name(title))
            for iso, title in CountryPage.objects.live()
            .public()
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("title")
            .values_list("iso_code", "title")
        ]
        self.fields["forum"].choices = [("", "—")] + list(
            Forum.objects.public()
            .order_by("sort_order", "name")
            .values_list("slug", "name")
        )

    def clean(self):
        data = super().clean()
        data["lang"] = data.get("lang") or settings.LANGUAGE_CODE
        if data.get("limit") is None and "limit" not in self.errors:
            data["limit"] = DEFAULT_ITEMS
        if data.get("kind") == "news" and not data.get("country"):
            self.add_error("country", _("Choose the country whose news to show."))
        if data.get("kind") == "topics" and not data.get("forum"):
            self.add_error("forum", _("Choose the forum whose topics to show."))
        return data

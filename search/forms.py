"""The search form: GET parameters in, clean values out.

Nothing a visitor types is an error: unknown filter values are dropped (with a
note saying so), bad pages become the first page, and the query text is made
safe for every search backend in one place (`clean_query`).
"""

import datetime
import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag

from blog.models import POST_LANGUAGES
from community.models import CountryPage, RegionPage
from forum.models import Forum

from .kinds import kind_labels

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
# Words full-text engines read as operators when typed in capitals.
OPERATOR_WORDS = {"AND", "OR", "NOT", "NEAR"}

LANGUAGE_LABELS = dict(POST_LANGUAGES)


def clean_query(raw: str) -> str:
    """Words only: control characters, quotes and full-text operators
    (AND OR NOT - + * ~ " ^ : ( )) never reach SQLite FTS5, PostgreSQL
    tsquery or Elasticsearch; length and number of words are capped."""
    text = "".join(
        " " if unicodedata.category(char)[0] in "CZ" else char
        for char in raw[: MAX_QUERY_LENGTH * 4]
    )
    # Keep letters, digits and marks (Arabic vowels, accents); the rest splits words.
    text = re.sub(r"[^\w\u0300-\u036f\u064b-\u065f]+", " ", text).replace("_", " ")
    words = [word for word in text.split() if word not in OPERATOR_WORDS]
    return " ".join(words[:MAX_TERMS])[:MAX_QUERY_LENGTH].strip()


class SearchForm(forms.Form):
    q = forms.CharField(required=False, strip=True)
    kind = forms.CharField(required=False)
    region = forms.CharField(required=False)
    country = forms.CharField(required=False)
    forum = forms.CharField(required=False)
    tag = forms.CharField(required=False)
    language = forms.CharField(required=False)
    date_from = forms.CharField(required=False)
    date_to = forms.CharField(required=False)
    page = forms.CharField(required=False)

    def __init__(self, data=None, *, user=None, **kwargs):
        super().__init__(data, **kwargs)
        self.user = user
        self.notes: list[str] = []

    def _drop(self, message) -> None:
        self.notes.append(message)

    def clean_q(self) -> str:
        raw = self.cleaned_data.get("q") or ""
        if len(raw) > MAX_QUERY_LENGTH:
            self._drop(
                ngettext(
                    "Your search was shortened to its first %(n)s character.",
                    "Your search was shortened to its first %(n)s characters.",
                    MAX_QUERY_LENGTH,
                )
                % {"n": MAX_QUERY_LENGTH}
            )
        return clean_query(raw)

    def clean_kind(self) -> str:
        value = (self.cleaned_data.get("kind") or "").strip()
        if value and value not in kind_labels():
            self._drop(_("Unknown kind of content ignored."))
            return ""
        return value

    def _lookup(self, field: str, queryset, label):
        value = (self.cleaned_data.get(field) or "").strip()[:100]
        if not value:
            return None
        found = queryset.filter(slug=value).first()
        if found is None:
            self._drop(_("Unknown %(filter)s ignored.") % {"filter": label})
        return found

    def clean_region(self):
        return self._lookup("region", RegionPage.objects.live(), _("region"))

    def clean_country(self):
        return self._lookup("country", CountryPage.objects.live(), _("country"))

    def clean_forum(self):
        return self._lookup("forum", Forum.objects.visible_to(self.user), _("forum"))

    def clean_tag(self):
        return self._lookup("tag", Tag.objects.all(), _("tag"))

    def clean_language(self) -> str:
        value = (self.cleaned_data.get("language") or "").strip()
        if value and value not in LANGUAGE_LABELS:
            self._drop(_("Unknown language ignored."))
            return ""
        return value

    def _date(self, field: str) -> datetime.date | None:
        value = (self.cleaned_data.get(field) or "").strip()
        if not value:
            return None
        try:
            day = datetime.date.fromisoformat(value[:10])
        except ValueError:
            self._drop(_("A date was not understood and was ignored (use YYYY-MM-DD)."))
            return None
        return day

    def clean_date_from(self):
        return self._date("date_from")

    def clean_date_to(self):
        return self._date("date_to")

    def clean_page(self) -> int:
        value = (self.cleaned_data.get("page") or "").strip()
        if not value:
            return 1
        try:
            number = int(value)
        except ValueError:
            number = 0
        if number < 1:
            self._drop(_("That page number does not exist: showing the first page."))
            return 1
        return number

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            data["date_from"], data["date_to"] = end, start
        return data

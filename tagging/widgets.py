"""The tag picker: a multiple select, enhanced by static/js/tag-picker.js into
a box you type into (the WAI-ARIA combobox pattern) with removable pills.

The <select multiple> stays in the page and stays what the form posts: without
JavaScript it is the plain list, with it the picker only selects and
unselects its options. Any form can use it; the strings the script shows come
from these data- attributes, translated when the form is rendered.
"""

from django import forms
from django.utils.translation import gettext_lazy as _


class TagPicker(forms.SelectMultiple):
    def __init__(self, attrs=None):
        super().__init__(
            {
                "size": 8,
                "data-tag-picker": "",
                "data-placeholder": _("Type to find a tag"),
                "data-remove-label": _("Remove %(tag)s"),
                "data-no-match": _("No tag matches."),
                "data-chosen-label": _("Chosen tags"),
                "data-added": _("%(tag)s added."),
                "data-removed": _("%(tag)s removed."),
                **(attrs or {}),
            }
        )

    @property
    def media(self):
        return forms.Media(
            css={"all": ["css/composer.css"]},
            js=[forms.Script("js/tag-picker.js", defer=True)],
        )

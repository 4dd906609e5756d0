"""How every form on the site renders: GOV.UK Frontend's behaviour, through
Django's form renderer (FORM_RENDERER).

Labels sit above their fields, hints and errors are tied to the input with
aria-describedby, a field with errors carries aria-invalid, and an error
summary at the top of the form links to each field in error
(templates/forms/form.html, templates/forms/field.html). allauth's pages use
the same templates through templates/allauth/elements/.
"""

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

# Django's empty choice, for ModelChoiceField and model fields with blank=True.
DJANGO_EMPTY_LABEL = "---------"
EMPTY_LABEL = _("Choose…")


class BoundField(forms.BoundField):
    """Django's bound field, with "Choose…" where Django shows "---------"."""

    def __init__(self, form, field, name):
        super().__init__(form, field, name)
        if getattr(field, "empty_label", None) == DJANGO_EMPTY_LABEL:
            # Fields are copied per form instance: this changes only this form.
            field.empty_label = EMPTY_LABEL
        elif isinstance(field, forms.ChoiceField) and not isinstance(
            field, forms.ModelChoiceField
        ):
            choices = list(field.choices)
            if any(label == DJANGO_EMPTY_LABEL for _value, label in choices):
                field.choices = [
                    (value, EMPTY_LABEL if label == DJANGO_EMPTY_LABEL else label)
                    for value, label in choices
                ]


class FormRenderer(TemplatesSetting):
    """Renders forms with the project's templates (templates/forms/)."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = BoundField

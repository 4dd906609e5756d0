"""A national website's accent: a palette of named colours that all reach
WCAG AA with white, or a custom colour refused below 4.5:1 with a form
error the focal point can act on."""

import pytest
from django.core.exceptions import ValidationError

from community.accent import PALETTE, contrast_with_white
from community.models import CountryPage


def edit_form(country, user, **changes):
    """The Wagtail editor's form of the country page, as submitted."""
    form_class = CountryPage.get_edit_handler().get_form_class()
    data = {
        "title": country.title,
        "slug": country.slug,
        "iso_code": country.iso_code,
        "capacity_level": country.capacity_level,
        "accent": country.accent,
        "accent_custom": "",
        **changes,
    }
    return form_class(data, instance=country, for_user=user)


def test_every_palette_colour_reaches_aa_with_white():
    for colour in PALETTE.values():
        assert contrast_with_white(colour) >= 4.5, colour


def test_the_contrast_is_computed_as_wcag_does():
    assert round(contrast_with_white("#000000"), 1) == 21.0
    assert round(contrast_with_white("#ffffff"), 1) == 1.0
    assert round(contrast_with_white("#767676"), 2) == 4.54


@pytest.mark.parametrize("colour", ["#777777", "#f2b705", "#9fd3c7"])
def test_a_low_contrast_custom_colour_is_refused_with_a_form_error(
    network, people, colour
):
    form = edit_form(network.benin, people.staff, accent_custom=colour)
    assert not form.is_valid()
    assert "too light" in str(form.errors["accent_custom"])


def test_a_custom_colour_that_is_not_a_hex_colour_is_refused(network, people):
    form = edit_form(network.benin, people.staff, accent_custom="red; x")
    assert not form.is_valid()
    assert "accent_custom" in form.errors


@pytest.mark.parametrize("accent", list(PALETTE))
def test_every_palette_colour_is_accepted(network, people, accent):
    form = edit_form(network.benin, people.staff, accent=accent)
    assert form.is_valid(), form.errors


def test_a_dark_enough_custom_colour_is_accepted(network, people):
    form = edit_form(network.benin, people.staff, accent_custom="#0B3D2E")
    assert form.is_valid(), form.errors
    form.save()
    network.benin.refresh_from_db()
    assert network.benin.accent_custom == "#0b3d2e"
    assert network.benin.accent_colour == "#0b3d2e"


def test_the_model_refuses_a_low_contrast_colour_outside_the_editor_too(network):
    network.benin.accent_custom = "#aaaaaa"
    with pytest.raises(ValidationError):
        network.benin.full_clean()

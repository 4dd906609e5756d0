"""A national website's accent colour: a named colour from an accessible
palette, or a custom hex colour that passes the same test.

Every accent is used both as a background under white text (the national
header, buttons) and as text on white (links), so each must reach WCAG AA for
normal text (4.5:1) against white. The palette's colours are CSS classes in
static/css/national.css (`accent-<key>`); a custom colour is served as a tiny
stylesheet whose address names the colour (national/look.py), since the
content security policy allows no inline style.
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

AA_NORMAL_TEXT = 4.5
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class Accent(models.TextChoices):
    FOREST = "forest", _("Forest green")
    OCEAN = "ocean", _("Ocean blue")
    LAGOON = "lagoon", _("Lagoon teal")
    EARTH = "earth", _("Earth brown")
    HIBISCUS = "hibiscus", _("Hibiscus red")
    ORCHID = "orchid", _("Orchid purple")
    SLATE = "slate", _("Slate grey")


# Each meets AA against white (tests/national/test_look.py checks them all).
PALETTE = {
    Accent.FOREST: "#1f6b4a",
    Accent.OCEAN: "#0b4f8a",
    Accent.LAGOON: "#00695c",
    Accent.EARTH: "#6d4c2f",
    Accent.HIBISCUS: "#a3123a",
    Accent.ORCHID: "#5b2c83",
    Accent.SLATE: "#37474f",
}


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_with_white(hex_colour: str) -> float:
    """WCAG's contrast ratio between `hex_colour` (#rrggbb) and white."""
    return 1.05 / (relative_luminance(hex_colour) + 0.05)


def accessible_on_white(hex_colour: str) -> bool:
    return bool(HEX_COLOUR.match(hex_colour or "")) and (
        contrast_with_white(hex_colour) >= AA_NORMAL_TEXT
    )

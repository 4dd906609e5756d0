"""Draw the PNG app icons of the web app manifest from static/favicon.svg.

Pillow cannot read SVG, and the site's mark is three circles, so the circles
of the SVG are drawn again with Pillow (four times larger, then scaled down
for smooth edges). Run it again whenever favicon.svg changes:

    python manage.py build_app_icons

The maskable icon keeps the mark inside the central 80% "safe zone" on a
full-bleed background of the mark's colour, since launchers crop it to a
circle, a squircle or a rounded square.
"""

import xml.etree.ElementTree as ET  # noqa: S405 - our own static file
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from PIL import Image, ImageDraw

SVG_NS = "{http://www.w3.org/2000/svg}"
SUPERSAMPLE = 4
# (file name, size in pixels, maskable)
ICONS = (
    ("icon-192.png", 192, False),
    ("icon-512.png", 512, False),
    ("icon-maskable-512.png", 512, True),
)
# Share of a maskable icon that launchers never crop (W3C: a circle of 40%
# radius); the mark's circle fits in it.
MASKABLE_SAFE_ZONE = 0.8


def read_circles(svg_path: Path) -> tuple[float, list[dict]]:
    """The SVG's width (from its viewBox) and its circles, in drawing order."""
    root = ET.parse(svg_path).getroot()  # noqa: S314 - our own static file
    _x, _y, width, height = (float(v) for v in root.get("viewBox").split())
    if width != height:
        raise CommandError("The icon's viewBox must be square.")
    circles = []
    for element in root:
        if element.tag != f"{SVG_NS}circle":
            raise CommandError(
                f"Only <circle> elements can be drawn, not {element.tag}."
            )
        circles.append(
            {
                "cx": float(element.get("cx")),
                "cy": float(element.get("cy")),
                "r": float(element.get("r")),
                "fill": element.get("fill", "#000"),
                "stroke": element.get("stroke"),
                "stroke_width": float(element.get("stroke-width", "1")),
            }
        )
    return width, circles


def draw_icon(svg_path: Path, size: int, maskable: bool = False) -> Image.Image:
    view_size, circles = read_circles(svg_path)
    canvas = size * SUPERSAMPLE
    background = (0, 0, 0, 0)
    scale = canvas / view_size
    offset = 0.0
    if maskable:
        # The outermost circle becomes the background; the mark shrinks into
        # the safe zone.
        background = circles[0]["fill"]
        scale *= MASKABLE_SAFE_ZONE
        offset = canvas * (1 - MASKABLE_SAFE_ZONE) / 2
    image = Image.new("RGBA", (canvas, canvas), background)
    draw = ImageDraw.Draw(image)
    for circle in circles:
        cx = offset + circle["cx"] * scale
        cy = offset + circle["cy"] * scale
        r = circle["r"] * scale
        fill = None if circle["fill"] == "none" else circle["fill"]
        stroke_width = circle["stroke_width"] * scale
        if circle["stroke"]:
            # SVG strokes straddle the outline; Pillow's lie inside it.
            r += stroke_width / 2
        draw.ellipse(
            (cx - r, cy - r, cx + r, cy + r),
            fill=fill,
            outline=circle["stroke"],
            width=round(stroke_width) if circle["stroke"] else 0,
        )
    # Full colour: a palette would shift the brand's green.
    return image.resize((size, size), Image.Resampling.LANCZOS)


class Command(BaseCommand):
    help = "Draw static/icons/*.png (the web app manifest's icons) from favicon.svg."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.BASE_DIR) / "static" / "icons",
            help="Folder for the PNG files (default: static/icons).",
        )

    def handle(self, *args, output: Path, **options):
        svg_path = Path(settings.BASE_DIR) / "static" / "favicon.svg"
        output.mkdir(parents=True, exist_ok=True)
        for name, size, maskable in ICONS:
            draw_icon(svg_path, size, maskable).save(output / name, optimize=True)
            self.stdout.write(f"{output / name} ({size}×{size})")

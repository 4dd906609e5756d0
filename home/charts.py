"""Geometry for the dashboard's SVG charts, computed on the server.

The charts are plain SVG in the HTML: readable without JavaScript, light on a
slow connection, with no charting library to ship. Colours come from CSS
classes, so the CSP needs no inline style.
"""

from dataclasses import dataclass


@dataclass
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    css: str = ""


@dataclass
class Series:
    label: str
    css: str
    points: str  # the SVG polyline's points attribute
    values: list[int]
    dots: list[tuple[float, float, int]]


def _scale_max(values) -> int:
    top = max(values, default=0)
    return top if top > 0 else 1


def bar_chart(
    labels: list[str],
    values: list[int],
    width: int = 480,
    height: int = 180,
    css_prefix: str = "",
) -> dict:
    """Vertical bars; the tallest fills the chart."""
    gap = 8
    count = max(len(values), 1)
    bar_width = (width - gap * (count + 1)) / count
    top = _scale_max(values)
    bars = []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        bar_height = round((height - 20) * value / top, 1)
        bars.append(
            Bar(
                label=label,
                value=value,
                x=round(gap + index * (bar_width + gap), 1),
                y=round(height - bar_height, 1),
                width=round(bar_width, 1),
                height=bar_height,
                css=f"{css_prefix}{index}" if css_prefix else "",
            )
        )
    return {"width": width, "height": height, "bars": bars}


def line_chart(
    labels: list[str],
    series: list[tuple[str, list[int]]],
    width: int = 640,
    height: int = 220,
) -> dict:
    """One polyline per series over shared x labels; a common y scale."""
    left, right, top_pad, bottom = 36, 24, 12, 28
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    steps = max(len(labels) - 1, 1)
    top = _scale_max([v for _label, values in series for v in values])

    def point(index: int, value: int) -> tuple[float, float]:
        x = left + plot_w * index / steps
        y = top_pad + plot_h - plot_h * value / top
        return round(x, 1), round(y, 1)

    lines = []
    for number, (label, values) in enumerate(series):
        dots = [(*point(i, v), v) for i, v in enumerate(values)]
        lines.append(
            Series(
                label=label,
                css=f"series-{number}",
                points=" ".join(f"{x},{y}" for x, y, _v in dots),
                values=values,
                dots=dots,
            )
        )
    ticks = [
        {"label": label, "x": point(i, 0)[0]}
        for i, label in enumerate(labels)
        if i % 2 == 0 or i == len(labels) - 1
    ]
    return {
        "width": width,
        "height": height,
        "series": lines,
        "ticks": ticks,
        "max": top,
        "top_y": top_pad,
        "base_y": top_pad + plot_h,
        "left": left,
        "right": width - right,
        "label_y": height - 8,
    }

"""Geometry for the dashboard's SVG charts, computed on the server.

The charts are plain SVG in the HTML: readable without JavaScript, light on a
slow connection, with no charting library to ship. Colours come from CSS
classes, so the CSP needs no inline style. Axes carry round tick values
(0, 5, 10, 15), so a reader can read a value off the chart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


def nice_ticks(top: float, intervals: int = 4) -> list[int]:
    """Round tick values from 0 up to at least `top`: steps of 1, 2 or 5 times
    a power of ten, about `intervals` of them (0, 5, 10, 15 for 15; 0, 2, 4,
    6, 8 for 7). Counts are whole numbers, so the step is never below 1."""
    top = max(top, 1)
    raw = top / intervals
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next((m * power for m in (1, 2, 5, 10) if m * power >= raw), 10 * power)
    step = max(int(step), 1)
    count = math.ceil(top / step)
    return [n * step for n in range(count + 1)]


@dataclass
class Tick:
    label: str
    value: int
    y: float


@dataclass
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    css: str = ""

    @property
    def centre(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass
class Series:
    label: str
    css: str
    points: str  # the SVG polyline's points attribute
    values: list[int]
    dots: list[tuple[float, float, int]]


def _y_axis(values, top_pad: float, plot_h: float) -> tuple[list[Tick], int]:
    ticks = nice_ticks(max(values, default=0))
    top = ticks[-1]
    return [
        Tick(str(v), v, round(top_pad + plot_h - plot_h * v / top, 1)) for v in ticks
    ], top


def bar_chart(
    labels: list[str],
    values: list[int],
    width: int = 480,
    height: int = 220,
    css_prefix: str = "",
    y_title: str = "",
) -> dict:
    """Vertical bars over a y axis with round ticks; labels under the bars."""
    left, right, top_pad, bottom = 44, 8, 12, 40
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    gap = 10
    count = max(len(values), 1)
    bar_width = (plot_w - gap * (count + 1)) / count
    ticks, top = _y_axis(values, top_pad, plot_h)
    bars = []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        bar_height = round(plot_h * value / top, 1)
        bars.append(
            Bar(
                label=label,
                value=value,
                x=round(left + gap + index * (bar_width + gap), 1),
                y=round(top_pad + plot_h - bar_height, 1),
                width=round(bar_width, 1),
                height=bar_height,
                css=f"{css_prefix}{index}" if css_prefix else "",
            )
        )
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "y_title": y_title,
        "y_ticks": ticks,
        "left": left,
        "right": width - right,
        "base_y": top_pad + plot_h,
        "label_y": top_pad + plot_h + 16,
        "title_y": height - 4,
        "centre_x": round(left + plot_w / 2, 1),
        "middle_y": round(top_pad + plot_h / 2, 1),
    }


def line_chart(
    labels: list[str],
    series: list[tuple[str, list[int]]],
    width: int = 640,
    height: int = 260,
    sublabels: list[str] | None = None,
    y_title: str = "",
) -> dict:
    """One polyline per series over shared x labels, on a common y scale with
    round ticks. `sublabels` is a second line under some x labels (the year
    under January and under the first month)."""
    left, right, top_pad, bottom = 44, 16, 12, 58
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    steps = max(len(labels) - 1, 1)
    ticks, top = _y_axis(
        [v for _label, values in series for v in values], top_pad, plot_h
    )

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
    sublabels = sublabels or [""] * len(labels)
    x_ticks = [
        {"label": label, "sublabel": sub, "x": point(i, 0)[0]}
        for i, (label, sub) in enumerate(zip(labels, sublabels, strict=True))
    ]
    base_y = top_pad + plot_h
    return {
        "width": width,
        "height": height,
        "series": lines,
        "y_title": y_title,
        "x_ticks": x_ticks,
        "y_ticks": ticks,
        "max": top,
        "top_y": top_pad,
        "base_y": base_y,
        "left": left,
        "right": width - right,
        "label_y": base_y + 16,
        "sublabel_y": base_y + 30,
        "title_y": height - 4,
        "centre_x": round(left + plot_w / 2, 1),
        "middle_y": round(top_pad + plot_h / 2, 1),
    }

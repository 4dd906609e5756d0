"""The dashboard's world map: Natural Earth boundaries turned into SVG paths.

The map is drawn on the server, so it costs a reader no script, no tile
server and no request to anyone else. The boundaries are world-atlas's
TopoJSON (network/data/world-atlas/); decoding TopoJSON takes a few lines, so it
is done here rather than with a dependency. The projection is Equal Earth,
which keeps areas true: Africa is not shrunk beside Europe.

The paths are computed once per process (`world_map()` is cached); only the
colours and links change from request to request.
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
ATLAS = DATA / "world-atlas" / "countries-110m.json"
PLACES = DATA / "party_places.csv"

# The drawing's width in SVG units; the height follows from the projection.
WIDTH = 1000
# Antarctica and the far south take space and hold no Party.
SOUTH_LIMIT = -58.0


# TopoJSON -------------------------------------------------------------------


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Each arc as a list of (longitude, latitude): quantized arcs hold a
    first position and then deltas, scaled back by the topology's transform."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(px), float(py)) for px, py, *_rest in arc]
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]):
    """A closed ring from arc indexes; a negative index `~i` means arc i
    reversed. Consecutive arcs share their meeting point, kept once."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[~index][::-1] if index < 0 else arcs[index]
        points.extend(arc[1:] if points else arc)
    return points


def polygons(arcs, geometry: dict) -> list[list[list[tuple[float, float]]]]:
    """A geometry's polygons, each a list of rings (outer ring, then holes)."""
    kind = geometry.get("type")
    if kind == "Polygon":
        return [[ring(arcs, r) for r in geometry["arcs"]]]
    if kind == "MultiPolygon":
        return [[ring(arcs, r) for r in polygon] for polygon in geometry["arcs"]]
    return []


# Projection -----------------------------------------------------------------

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def equal_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """Equal Earth (Šavrič, Patterson and Jenny, 2018), unit sphere; y grows north."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        lam
        * math.cos(theta)
        / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    )
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


_X_EXTENT = equal_earth(180, 0)[0]  # half the map's width, in projection units
_NORTH = equal_earth(0, 84)[1]
_SOUTH = equal_earth(0, SOUTH_LIMIT)[1]
SCALE = WIDTH / (2 * _X_EXTENT)
HEIGHT = round((_NORTH - _SOUTH) * SCALE)


def to_svg(longitude: float, latitude: float) -> tuple[float, float]:
    """Projected into the SVG's user space: origin top-left, y down."""
    x, y = equal_earth(longitude, latitude)
    return (x + _X_EXTENT) * SCALE, (_NORTH - y) * SCALE


def path_data(rings: list[list[tuple[float, float]]]) -> str:
    """SVG path data for rings in degrees, to a tenth of a unit, in relative
    moves (shorter), dropping points that round onto the previous one."""
    parts = []
    for points in _split_at_antimeridian(rings):
        projected = [to_svg(lon, max(lat, SOUTH_LIMIT)) for lon, lat in points]
        rounded = [(round(x * 10), round(y * 10)) for x, y in projected]
        kept = [rounded[0]]
        for point in rounded[1:]:
            if point != kept[-1]:
                kept.append(point)
        if len(kept) > 1 and kept[-1] == kept[0]:
            kept.pop()  # `z` closes the ring
        if len(kept) < 3:
            continue
        (x0, y0), steps = kept[0], []
        previous = kept[0]
        for x, y in kept[1:]:
            steps.append(f"{_tenths(x - previous[0])} {_tenths(y - previous[1])}")
            previous = (x, y)
        parts.append(f"M{_tenths(x0)} {_tenths(y0)}l" + " ".join(steps) + "z")
    return "".join(parts)


def _split_at_antimeridian(rings):
    """Natural Earth cuts most shapes at 180°, but a few rings (Fiji, Chukotka)
    cross it and would draw a line across the world. Such a ring is shifted to
    the side where most of it lies, and what spills over is pressed onto the
    map's edge: a sliver of Fiji or Chukotka is lost, nothing is misdrawn."""
    for points in rings:
        crosses = any(
            abs(a[0] - b[0]) > 180 for a, b in zip(points, points[1:], strict=False)
        )
        if not crosses:
            yield points
            continue
        east = sum(1 for lon, _lat in points if lon >= 0)
        if east * 2 >= len(points):
            yield [(min(lon + 360 if lon < 0 else lon, 180), la) for lon, la in points]
        else:
            yield [(max(lon - 360 if lon > 0 else lon, -180), la) for lon, la in points]


def _tenths(value: int) -> str:
    text = f"{value / 10:.1f}".removesuffix(".0")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


# The map -----------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    iso: str
    path: str = ""  # its shape, or
    x: float | None = None  # the dot at its capital, for small states
    y: float | None = None


@dataclass(frozen=True)
class WorldMap:
    width: int
    height: int
    places: dict[str, Place]  # by ISO 3166-1 alpha-2 code
    background: tuple[str, ...]  # shapes that are no Party (grey, no link)

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def party_places() -> dict[str, dict]:
    """party_places.csv: each Party's atlas feature id, or capital coordinates."""
    with PLACES.open(encoding="utf-8") as file:
        return {row["iso"]: row for row in csv.DictReader(file)}


@lru_cache(maxsize=1)
def world_map() -> WorldMap:
    topology = json.loads(ATLAS.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    rows = party_places()
    iso_by_atlas_id = {r["atlas_id"]: iso for iso, r in rows.items() if r["atlas_id"]}
    places: dict[str, Place] = {}
    background = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("properties", {}).get("name") == "Antarctica":
            continue
        rings = [r for polygon in polygons(arcs, geometry) for r in polygon]
        data = path_data(rings)
        iso = iso_by_atlas_id.get(geometry.get("id"))
        if iso:
            places[iso] = Place(iso=iso, path=data)
        elif data:
            background.append(data)
    for iso, row in rows.items():
        if iso not in places and row["longitude"]:
            x, y = to_svg(float(row["longitude"]), float(row["latitude"]))
            places[iso] = Place(iso=iso, x=round(x, 1), y=round(y, 1))
    return WorldMap(WIDTH, HEIGHT, places, tuple(background))

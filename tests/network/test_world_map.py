"""The dashboard's map: TopoJSON decoded by hand, projected, and every Party on it."""

import pytest

from community.parties import PARTIES
from network.world_map import (
    HEIGHT,
    WIDTH,
    decode_arcs,
    equal_earth,
    party_places,
    path_data,
    polygons,
    ring,
    to_svg,
    world_map,
)

# A tiny topology: two squares sharing the arc 0 (their common edge), quantized
# on a 10 x 10 grid over 0°-10° E, 0°-10° N, with delta-encoded arcs.
TINY = {
    "type": "Topology",
    "transform": {"scale": [1, 1], "translate": [0, 0]},
    "arcs": [
        [[5, 0], [0, 10]],  # the shared edge, x=5, from y=0 up to y=10
        [[5, 10], [-5, 0], [0, -10], [5, 0]],  # the west square's other sides
        [[5, 0], [5, 0], [0, 10], [-5, 0]],  # the east square's other sides
    ],
    "objects": {
        "squares": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "id": "001", "arcs": [[0, 1]]},
                {"type": "MultiPolygon", "id": "002", "arcs": [[[2, -1]]]},
            ],
        }
    },
}


def test_quantized_arcs_are_decoded_from_deltas():
    arcs = decode_arcs(TINY)
    assert arcs[0] == [(5, 0), (5, 10)]
    assert arcs[1] == [(5, 10), (0, 10), (0, 0), (5, 0)]
    assert arcs[2] == [(5, 0), (10, 0), (10, 10), (5, 10)]


def test_the_transform_scales_and_translates_positions():
    topology = {**TINY, "transform": {"scale": [0.5, 2], "translate": [-180, -90]}}
    assert decode_arcs(topology)[0] == [(-177.5, -90), (-177.5, -70)]


def test_arcs_without_a_transform_are_plain_positions():
    topology = {"arcs": [[[1.5, 2.5], [3, 4]]]}
    assert decode_arcs(topology) == [[(1.5, 2.5), (3.0, 4.0)]]


def test_rings_join_arcs_and_reverse_negative_indexes():
    arcs = decode_arcs(TINY)
    west = ring(arcs, [0, 1])
    assert west == [(5, 0), (5, 10), (0, 10), (0, 0), (5, 0)]
    east = ring(arcs, [2, ~0])  # -1 is arc 0 walked backwards
    assert east == [(5, 0), (10, 0), (10, 10), (5, 10), (5, 0)]
    assert east[0] == east[-1] and west[0] == west[-1]


def test_polygons_and_multipolygons_become_lists_of_rings():
    arcs = decode_arcs(TINY)
    west, east = TINY["objects"]["squares"]["geometries"]
    assert len(polygons(arcs, west)) == 1 and len(polygons(arcs, east)) == 1
    assert polygons(arcs, {"type": "Point", "coordinates": [0, 0]}) == []


def points_of(data: str) -> list[tuple[float, float]]:
    """The absolute points of path data made of `M x y l dx dy ... z` parts."""
    points = []
    for part in data.split("M")[1:]:
        head, _, steps = part.rstrip("z").partition("l")
        x, y = (float(n) for n in head.split())
        points.append((x, y))
        numbers = [float(n) for n in steps.split()]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
    return points


def test_path_data_is_a_closed_relative_svg_path():
    arcs = decode_arcs(TINY)
    data = path_data([ring(arcs, [0, 1])])
    assert data.startswith("M") and data.endswith("z") and data.count("l") == 1
    points = points_of(data)
    # The closing point repeats the first, so `z` stands for it.
    expected = [to_svg(lon, lat) for lon, lat in ring(arcs, [0, 1])][:-1]
    assert len(points) == len(expected)
    for (x, y), (ex, ey) in zip(points, expected, strict=True):
        assert x == pytest.approx(ex, abs=0.06) and y == pytest.approx(ey, abs=0.06)


def test_equal_earth_keeps_the_centre_and_mirrors_the_hemispheres():
    assert equal_earth(0, 0) == (0.0, 0.0)
    east, north = equal_earth(90, 45)
    west, south = equal_earth(-90, -45)
    assert east == pytest.approx(-west) and north == pytest.approx(-south)
    # Known value: the edge of the map at the equator (Šavrič et al., 2018).
    assert equal_earth(180, 0)[0] == pytest.approx(2.7064, abs=1e-3)


def test_svg_coordinates_fill_the_drawing():
    assert to_svg(-180, 0)[0] == pytest.approx(0)
    assert to_svg(180, 0)[0] == pytest.approx(WIDTH)
    assert to_svg(0, 84)[1] == pytest.approx(0)
    assert to_svg(0, -58)[1] == pytest.approx(HEIGHT, abs=0.5)
    assert to_svg(0, 0) == pytest.approx((WIDTH / 2, to_svg(0, 0)[1]))


def test_every_party_is_on_the_map_as_a_shape_or_a_dot():
    places = world_map().places
    missing = {p.iso for p in PARTIES} - set(places)
    # The European Union is a Party without a place of its own: the page
    # lists it beside the map.
    assert missing == {"EU"}
    shapes = [iso for iso, place in places.items() if place.path]
    dots = [iso for iso, place in places.items() if not place.path]
    assert len(shapes) == 165 and len(dots) == 30
    assert {"FR", "BR", "CN", "KE", "FJ", "RU"} <= set(shapes)
    assert {"TV", "MV", "MT", "SG", "KN"} <= set(dots)
    for iso in dots:
        place = places[iso]
        assert 0 <= place.x <= WIDTH and 0 <= place.y <= HEIGHT, iso


def test_the_places_file_names_each_party_once_and_real_atlas_ids():
    rows = party_places()
    assert set(rows) == {p.iso for p in PARTIES}
    atlas_ids = [r["atlas_id"] for r in rows.values() if r["atlas_id"]]
    assert len(atlas_ids) == len(set(atlas_ids))
    assert len(world_map().places) == len(rows) - 1


def test_shapes_crossing_the_antimeridian_draw_no_line_across_the_world():
    for iso in ("FJ", "RU"):
        for part in world_map().places[iso].path.split("M")[1:]:
            xs = [x for x, _y in points_of("M" + part)]
            assert max(xs) - min(xs) < WIDTH / 2, iso


def test_countries_that_are_no_party_are_drawn_grey_without_a_link():
    world = world_map()
    assert len(world.background) >= 5  # Greenland, Taiwan, W. Sahara...
    assert "US" not in world.places  # not a Party to the CBD

#!/usr/bin/env python3
"""Writes the hand-made shapes of this folder (departements.geojson, communes.geojson): invented, drawn from
nothing but the numbers below, so that the geo and map tests run on any clone.

Two departments side by side, `37` (0° to 1° E) and `18` (1° to 2° E), from 47° to 47.5° N, sharing their border.
Indre-et-Loire is cut into four communes by a north–south and an east–west border, Cher into two. Every border
zigzags by about 50 m every 0.01°, far under the map's 300 m tolerance: simplification must remove most points,
and the communes of a department, borders shared point for point, must tile it exactly.

    python3 Tests/Fixtures/geo/make-shapes.py
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
STEPS = 50          # points along each half-degree border
WIGGLE = 0.0005     # degrees, about 40 m east–west and 55 m north–south


def line(start, end, steps):
    """From start to end (both included), every point but the ends pushed aside alternately."""
    (x0, y0), (x1, y1) = start, end
    points = []
    for i in range(steps + 1):
        t = i / steps
        x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
        if 0 < i < steps:
            offset = WIGGLE if i % 2 else -WIGGLE
            if x0 == x1:
                x += offset
            else:
                y += offset
        points.append((round(x, 6), round(y, 6)))
    return points


def path(*corners):
    """A border through corners, each leg drawn by `line` (legs of half a degree or less)."""
    points = [corners[0]]
    for start, end in zip(corners, corners[1:]):
        length = max(abs(end[0] - start[0]), abs(end[1] - start[1]))
        points += line(start, end, round(STEPS * length / 0.5))[1:]
    return points


def ring(*legs):
    """A closed ring made of border paths, each one starting where the previous ended."""
    points = [legs[0][0]]
    for leg in legs:
        assert leg[0] == points[-1], (leg[0], points[-1])
        points += leg[1:]
    assert points[0] == points[-1]
    return [list(point) for point in points]


def reverse(points):
    return list(reversed(points))


def feature(code, name, rings, department=None, multi=False):
    properties = {'code': code, 'nom': name}
    if department:
        properties['dep'] = department
    geometry = {'type': 'MultiPolygon', 'coordinates': [rings]} if multi else {'type': 'Polygon', 'coordinates': rings}
    return {'type': 'Feature', 'properties': properties, 'geometry': geometry}


def write(name, features):
    text = json.dumps({'type': 'FeatureCollection', 'features': features}, ensure_ascii=False, separators=(',', ':'))
    (HERE / name).write_text(text.replace('{"type":"Feature",', '\n{"type":"Feature",') + '\n', encoding='utf-8')


def main():
    # Corners: x in 0, 0.5, 1, 1.5, 2 (° E), y in 47, 47.25, 47.5 (° N).
    south_west, south_east = path((0, 47), (0.5, 47)), path((0.5, 47), (1, 47))
    north_west, north_east = path((0, 47.5), (0.5, 47.5)), path((0.5, 47.5), (1, 47.5))
    west_low, west_high = path((0, 47), (0, 47.25)), path((0, 47.25), (0, 47.5))
    border_low, border_high = path((1, 47), (1, 47.25)), path((1, 47.25), (1, 47.5))   # between 37 and 18
    middle_low, middle_high = path((0.5, 47), (0.5, 47.25)), path((0.5, 47.25), (0.5, 47.5))
    across_west, across_east = path((0, 47.25), (0.5, 47.25)), path((0.5, 47.25), (1, 47.25))
    cher_south, cher_north = path((1, 47), (1.5, 47), (2, 47)), path((1, 47.5), (1.5, 47.5), (2, 47.5))
    cher_east, cher_middle = path((2, 47), (2, 47.5)), path((1.5, 47), (1.5, 47.5))
    cher_south_west, cher_south_east = path((1, 47), (1.5, 47)), path((1.5, 47), (2, 47))
    cher_north_west, cher_north_east = path((1, 47.5), (1.5, 47.5)), path((1.5, 47.5), (2, 47.5))

    departments = [
        feature('18', 'Cher', [ring(cher_south, cher_east, reverse(cher_north), reverse(border_high), reverse(border_low))]),
        feature('37', 'Indre-et-Loire', [ring(south_west, south_east, border_low, border_high, reverse(north_east),
                                              reverse(north_west), reverse(west_high), reverse(west_low))]),
    ]
    communes = [
        feature('18001', 'Bourg-du-Sud-Ouest', [ring(cher_south_west, cher_middle, reverse(cher_north_west),
                                                      reverse(border_high), reverse(border_low))], '18'),
        feature('18002', 'Bourg-du-Sud-Est', [ring(cher_south_east, cher_east, reverse(cher_north_east),
                                                    reverse(cher_middle))], '18', multi=True),
        feature('37001', 'Val-du-Sud-Ouest', [ring(south_west, middle_low, reverse(across_west), reverse(west_low))], '37'),
        feature('37002', 'Val-du-Sud-Est', [ring(south_east, border_low, reverse(across_east), reverse(middle_low))], '37'),
        feature('37003', 'Val-du-Nord-Ouest', [ring(across_west, middle_high, reverse(north_west), reverse(west_high))], '37'),
        feature('37004', 'Val-du-Nord-Est', [ring(across_east, border_high, reverse(north_east), reverse(middle_high))], '37'),
    ]
    write('departements.geojson', departments)
    write('communes.geojson', communes)


if __name__ == '__main__':
    main()

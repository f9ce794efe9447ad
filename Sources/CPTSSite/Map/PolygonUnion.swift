import Foundation

/// The outline of a union of polygons that share their borders vertex for vertex, as the communes
/// of IGN's ADMIN EXPRESS do: a CPTS territory drawn from its communes.
///
/// Edge cancellation: with every outline counter-clockwise and every hole clockwise, a border shared
/// by two polygons is walked once in each direction; those pairs cancel, and the edges left are the
/// union's boundary, chained back into rings. Points must be snapped to a grid first, so that equal
/// vertices are equal. Borders that do not share vertices (one side has a vertex the other lacks)
/// do not cancel and leave thin slivers, which simplification then flattens.
public enum PolygonUnion {
    struct Edge: Hashable {
        let from: GridPoint, to: GridPoint
    }

    /// The union's rings: outlines counter-clockwise, holes clockwise, in a stable order.
    public static func outline(of polygons: [[[GridPoint]]]) -> [[GridPoint]] {
        var count: [Edge: Int] = [:]
        for polygon in polygons {
            for (index, points) in polygon.enumerated() {
                guard let ring = GridRing.normalized(points, counterClockwise: index == 0) else { continue }
                for (a, b) in zip(ring, ring.dropFirst()) {
                    let reverse = Edge(from: b, to: a)
                    if let opposite = count[reverse], opposite > 0 {
                        count[reverse] = opposite - 1
                    } else {
                        count[Edge(from: a, to: b), default: 0] += 1
                    }
                }
            }
        }
        var outgoing: [GridPoint: [GridPoint]] = [:]
        for (edge, times) in count where times > 0 {
            outgoing[edge.from, default: []].append(contentsOf: repeatElement(edge.to, count: times))
        }
        for key in outgoing.keys {
            outgoing[key]?.sort()
        }
        var rings: [[GridPoint]] = []
        for start in outgoing.keys.sorted() {
            while let choices = outgoing[start], !choices.isEmpty {
                var ring = [start]
                var previous: GridPoint?
                var current = start
                while true {
                    guard var choices = outgoing[current], !choices.isEmpty else { break }
                    let index = previous.map { leftmost(from: $0, at: current, among: choices) } ?? 0
                    let next = choices.remove(at: index)
                    outgoing[current] = choices
                    ring.append(next)
                    previous = current
                    current = next
                    if current == start { break }
                }
                // Every vertex has as many edges in as out, so the walk ends where it began.
                if ring.count >= 4 && ring.last == start { rings.append(ring) }
            }
        }
        return rings
    }

    /// Where the boundary touches itself, turn left: counter-clockwise rings keep their inside on the left,
    /// so two polygons meeting at a point stay two rings instead of a figure eight.
    static func leftmost(from previous: GridPoint, at current: GridPoint, among choices: [GridPoint]) -> Int {
        guard choices.count > 1 else { return 0 }
        let dx = Double(current.x - previous.x), dy = Double(current.y - previous.y)
        func turn(_ point: GridPoint) -> Double {
            let ex = Double(point.x - current.x), ey = Double(point.y - current.y)
            return atan2(dx * ey - dy * ex, dx * ex + dy * ey)
        }
        var best = 0
        for index in choices.indices.dropFirst() where turn(choices[index]) > turn(choices[best]) {
            best = index
        }
        return best
    }
}

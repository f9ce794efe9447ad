import CPTSContent
import Foundation

/// A point of a projected plane, in metres: `x` to the east, `y` to the north.
public struct PlanePoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// The Lambert conformal conic projection with two standard parallels (EPSG method 9802), on an ellipsoid.
///
/// Conformal, so department shapes keep their look, and the official projection of metropolitan France
/// as `lambert93`. Formulas of IGN's note NTG 71 and EPSG Guidance Note 7-2 §3.2.1.1.
public struct ConicProjection: Sendable {
    let semiMajorAxis: Double
    let eccentricity: Double
    let n: Double
    let aF: Double
    let r0: Double
    let centralMeridian: Double
    let falseEasting: Double
    let falseNorthing: Double

    /// Angles in degrees; `inverseFlattening` of the ellipsoid.
    public init(
        standardParallels: (Double, Double), originLatitude: Double, centralMeridian: Double,
        falseEasting: Double, falseNorthing: Double, semiMajorAxis: Double, inverseFlattening: Double
    ) {
        let flattening = 1 / inverseFlattening
        let e = (2 * flattening - flattening * flattening).squareRoot()
        let phi1 = standardParallels.0 * .pi / 180, phi2 = standardParallels.1 * .pi / 180
        let m1 = Self.m(phi1, e), m2 = Self.m(phi2, e)
        let t1 = Self.t(phi1, e), t2 = Self.t(phi2, e)
        let n = (log(m1) - log(m2)) / (log(t1) - log(t2))
        let aF = semiMajorAxis * m1 / (n * pow(t1, n))
        self.semiMajorAxis = semiMajorAxis
        self.eccentricity = e
        self.n = n
        self.aF = aF
        self.r0 = aF * pow(Self.t(originLatitude * .pi / 180, e), n)
        self.centralMeridian = centralMeridian * .pi / 180
        self.falseEasting = falseEasting
        self.falseNorthing = falseNorthing
    }

    /// Lambert-93 (EPSG:2154): RGF93 on GRS80, parallels 44°N and 49°N, origin 46.5°N 3°E, 700 000 m / 6 600 000 m.
    /// WGS84 positions are used as RGF93 ones: the two frames differ by centimetres.
    public static let lambert93 = ConicProjection(
        standardParallels: (44, 49), originLatitude: 46.5, centralMeridian: 3,
        falseEasting: 700_000, falseNorthing: 6_600_000, semiMajorAxis: 6_378_137, inverseFlattening: 298.257222101)

    /// Longitude and latitude in degrees to metres.
    public func project(_ point: GeoPoint) -> PlanePoint {
        let phi = point.latitude * .pi / 180
        let r = aF * pow(Self.t(phi, eccentricity), n)
        let theta = n * (point.longitude * .pi / 180 - centralMeridian)
        return PlanePoint(x: falseEasting + r * sin(theta), y: falseNorthing + r0 - r * cos(theta))
    }

    /// Metres back to longitude and latitude in degrees.
    public func unproject(_ point: PlanePoint) -> GeoPoint {
        let dx = point.x - falseEasting, dy = r0 - (point.y - falseNorthing)
        let r = (n < 0 ? -1.0 : 1.0) * (dx * dx + dy * dy).squareRoot()
        let t = pow(r / aF, 1 / n)
        let theta = n < 0 ? atan2(-dx, -dy) : atan2(dx, dy)
        var phi = .pi / 2 - 2 * atan(t)
        for _ in 0..<15 {
            let es = eccentricity * sin(phi)
            let next = .pi / 2 - 2 * atan(t * pow((1 - es) / (1 + es), eccentricity / 2))
            if abs(next - phi) < 1e-12 { phi = next; break }
            phi = next
        }
        return GeoPoint(longitude: (theta / n + centralMeridian) * 180 / .pi, latitude: phi * 180 / .pi)
    }

    static func m(_ phi: Double, _ e: Double) -> Double {
        cos(phi) / (1 - e * e * sin(phi) * sin(phi)).squareRoot()
    }

    static func t(_ phi: Double, _ e: Double) -> Double {
        tan(.pi / 4 - phi / 2) / pow((1 - e * sin(phi)) / (1 + e * sin(phi)), e / 2)
    }
}

extension ConicProjection {
    /// A feature's polygons projected and snapped to a 1 m grid: outlines counter-clockwise, holes clockwise,
    /// rings left with no area dropped, polygons left with no outline dropped.
    public func gridPolygons(of feature: GeoFeature) -> [[[GridPoint]]] {
        feature.polygons.compactMap { polygon -> [[GridPoint]]? in
            var rings: [[GridPoint]] = []
            for (index, ring) in polygon.enumerated() {
                let points = ring.map { GridPoint(project($0)) }
                if let normalized = GridRing.normalized(points, counterClockwise: index == 0) {
                    rings.append(normalized)
                } else if index == 0 {
                    return nil
                }
            }
            return rings
        }
    }
}

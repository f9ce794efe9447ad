import CPTSContent
import CPTSDomain
import Foundation

/// A region on the national map: its INSEE code, the page it links to and its covered share (nil: not in the site).
public struct MapRegion: Hashable, Sendable {
    public var code: String
    public var name: String
    public var href: String
    public var coverage: Double?

    public init(code: String, name: String, href: String, coverage: Double?) {
        self.code = code
        self.name = name
        self.href = href
        self.coverage = coverage
    }
}

/// The national map: each region drawn as the union of its departments' shapes (`PolygonUnion`, as `make geo` makes
/// departments from communes), shaded by the share of its population covered (`MapRenderer`'s classes) and linked to
/// its page. Metropolitan France in Lambert-93; the five overseas regions as insets in a column on the left, each in
/// a conic projection of its own and at its own scale, named in the legend (no text inside the drawing, which would
/// shrink with it on a phone).
public struct NationalMap: Sendable {
    /// Guadeloupe, Martinique, Guyane, La Réunion, Mayotte: drawn as insets, in this order.
    public static let overseas = ["01", "02", "03", "04", "06"]
    static let insetSize = 150, insetGap = 12

    public let departments: [GeoFeature]

    public init(departments: [GeoFeature]) {
        self.departments = departments
    }

    /// Each region's union of its departments' polygons, by region code, in `projection` (metres on a 1 m grid),
    /// without the slivers of `smallestHole`.
    func regionRings(_ codes: [String], projection: (String) -> ConicProjection) -> [String: [[GridPoint]]] {
        var byRegion: [String: [[[GridPoint]]]] = [:]
        for department in departments {
            guard let region = FrenchRegions.region(ofDepartment: department.code), codes.contains(region) else { continue }
            byRegion[region, default: []] += projection(region).gridPolygons(of: department)
        }
        return byRegion.mapValues { polygons in
            PolygonUnion.outline(of: polygons).filter { ring in
                let doubleArea = GridRing.doubleArea(ring)
                return doubleArea > 0 || doubleArea <= -2 * Self.smallestHole
            }
        }.filter { !$0.value.isEmpty }
    }

    /// Holes under 20 km² are gaps where two departments' simplified borders do not meet, not places: the smallest
    /// real one, the Enclave des papes (Vaucluse, in Provence-Alpes-Côte d’Azur) inside Auvergne-Rhône-Alpes, is
    /// about 125 km² in these shapes.
    static let smallestHole = 20e6

    /// A conic projection centred on an overseas region's departments.
    func localProjection(of region: String) -> ConicProjection {
        let points = departments.filter { FrenchRegions.region(ofDepartment: $0.code) == region }
            .flatMap { $0.polygons.flatMap { $0.flatMap { $0 } } }
        let latitudes = points.map(\.latitude), longitudes = points.map(\.longitude)
        let latitude = ((latitudes.min() ?? 0) + (latitudes.max() ?? 0)) / 2
        let longitude = ((longitudes.min() ?? 0) + (longitudes.max() ?? 0)) / 2
        // Parallels either side of the middle, never the equator itself (Guyane lies near it).
        let south = latitude - 1 == 0 ? -0.5 : latitude - 1, north = latitude + 1 == 0 ? 0.5 : latitude + 1
        return ConicProjection(standardParallels: (south, north), originLatitude: latitude, centralMeridian: longitude,
                               falseEasting: 0, falseNorthing: 0, semiMajorAxis: 6_378_137, inverseFlattening: 298.257222101)
    }

    /// The map, or nil without any department shape of a region of `regions`. `regions` gives every region drawn.
    public func svg(regions: [MapRegion], id: String = "carte-nationale") -> String? {
        let codes = regions.map(\.code)
        let mainland = regionRings(codes.filter { !Self.overseas.contains($0) }) { _ in .lambert93 }
        let insets = regionRings(codes.filter { Self.overseas.contains($0) }) { self.localProjection(of: $0) }
        guard !mainland.isEmpty || !insets.isEmpty else { return nil }
        let byCode = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let insetColumn = insets.isEmpty ? 0 : Self.insetSize + 2 * Self.insetGap
        var body = "", height = 0, width = insetColumn
        if let extent = GridRing.bounds(mainland.values.flatMap { $0 }) {
            let frame = MapFrame(extent: extent, size: MapRenderer.size, margin: MapRenderer.margin)
            body += "<g transform=\"translate(\(insetColumn) 0)\">" + paths(mainland, frame: frame, regions: byCode) + "</g>"
            width += frame.width
            height = frame.height
        }
        // Each inset fills its box, at a scale of its own: at Guyane's scale, Martinique would be a dot.
        var top = Self.insetGap
        for code in Self.overseas {
            guard let rings = insets[code], let extent = GridRing.bounds(rings) else { continue }
            let span = Double(max(extent.max.x - extent.min.x, extent.max.y - extent.min.y))
            let frame = MapFrame(extent: extent, metresPerUnit: max(1, span / Double(Self.insetSize - 2 * MapRenderer.margin)),
                                 margin: MapRenderer.margin)
            body += "<g transform=\"translate(\(Self.insetGap) \(top))\">"
            body += "<rect x=\"0\" y=\"0\" width=\"\(Self.insetSize)\" height=\"\(Self.insetSize)\" fill=\"none\" stroke=\"#888888\"/>"
            body += "<g transform=\"translate(\((Self.insetSize - frame.width) / 2) \((Self.insetSize - frame.height) / 2))\">"
            body += paths([code: rings], frame: frame, regions: byCode) + "</g></g>"
            top += Self.insetSize + Self.insetGap
        }
        height = max(height, top)
        var out = "<svg class=\"map\" viewBox=\"0 0 \(width) \(height)\" role=\"group\" aria-labelledby=\"\(id)-title \(id)-desc\""
        out += " xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title id=\"\(id)-title\">Couverture de la population par les CPTS, par région</title>"
        out += "<desc id=\"\(id)-desc\">\(SVG.escape(description(regions)))</desc>"
        return out + "<g class=\"map-departments\" stroke=\"#ffffff\" stroke-width=\"2\" stroke-linejoin=\"round\">" + body + "</g></svg>"
    }

    /// Each region's shaded, linked outline, simplified to one drawing unit along the borders they share.
    func paths(_ rings: [String: [[GridPoint]]], frame: MapFrame, regions: [String: MapRegion]) -> String {
        let codes = rings.keys.sorted()
        var next = BorderSimplifier.simplify(codes.flatMap { rings[$0] ?? [] }, tolerance: frame.metresPerUnit).makeIterator()
        var out = ""
        for code in codes {
            let own = (0..<(rings[code]?.count ?? 0)).compactMap { _ in next.next() }
            guard let region = regions[code] else { continue }
            let fill = region.coverage.map { MapRenderer.colours[MapRenderer.coverageClass($0)] } ?? MapRenderer.noDataColour
            let label = region.name + "\u{202F}: " + (region.coverage.map { FrenchFormat.percent($0) } ?? "sans donnée")
            let path = "<path class=\"map-department\" fill=\"\(fill)\" fill-rule=\"evenodd\" d=\"\(frame.path(own))\"/>"
            // A region the site does not publish has no page to link to.
            out += region.href.isEmpty ? "<g><title>\(SVG.escape(label))</title>\(path)</g>"
                : "<a href=\"\(SVG.escape(region.href))\"><title>\(SVG.escape(label))</title>\(path)</a>"
        }
        return out
    }

    /// The legend, as HTML beside the map.
    public static func legendHTML(regions: [MapRegion]) -> String {
        let insets = overseas.compactMap { code in regions.first { $0.code == code }?.name }
        return MapRenderer.legendHTML(showsNoData: regions.contains { $0.coverage == nil }, hasTerritories: false)
            + (insets.isEmpty ? "" : "<p class=\"map-insets\">À gauche, de haut en bas, à d’autres échelles\u{202F}: \(SVG.escape(NationalViewModels.list(insets))).</p>")
    }

    func description(_ regions: [MapRegion]) -> String {
        "Carte des régions, colorées selon la part de leur population couverte par une CPTS constituée\u{202F}: "
            + regions.map { "\($0.name) \($0.coverage.map { FrenchFormat.percent($0) } ?? "sans donnée")" }.joined(separator: ", ")
            + ". Les régions d’outre-mer sont dessinées à part, à gauche, chacune à son échelle."
    }
}

extension MapFrame {
    /// A frame at a given scale (the insets share one).
    init(extent: (min: GridPoint, max: GridPoint), metresPerUnit: Double, margin: Int) {
        minX = extent.min.x
        maxY = extent.max.y
        self.metresPerUnit = metresPerUnit
        self.margin = margin
        width = Int((Double(extent.max.x - extent.min.x) / metresPerUnit).rounded()) + 2 * margin
        height = Int((Double(extent.max.y - extent.min.y) / metresPerUnit).rounded()) + 2 * margin
    }
}

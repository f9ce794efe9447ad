import CPTSContent

/// A CPTS territory to outline on the map: its name, the page it links to, and its communes' INSEE codes.
public struct MapTerritory: Hashable, Sendable {
    public var name: String
    public var href: String
    public var communes: [String]

    public init(name: String, href: String, communes: [String]) {
        self.name = name
        self.href = href
        self.communes = communes
    }
}

/// The coverage map, drawn at build time as one inline SVG with its text alternative: departments shaded
/// by the share of their population a CPTS covers, CPTS territories outlined and linked to their pages.
///
/// Shapes are projected in Lambert-93, snapped to a 1 m grid, simplified along shared borders with a
/// tolerance of one drawing unit, and written as whole numbers in a view box whose longer side is about
/// `size` units. The output depends only on the inputs: same shapes and figures, same bytes.
public struct MapRenderer: Sendable {
    /// Five classes of coverage, 0–20 % to 80–100 %, light to dark (ColorBrewer "Blues").
    public static let colours = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
    public static let noDataColour = "#e5e5e5"
    /// Orange reads against every blue of the scale.
    public static let territoryColour = "#d95f02"
    /// Drawing units along the map's longer side.
    public static let size = 1000.0
    static let margin = 10, legendWidth = 300, rowHeight = 34, fontSize = 22

    public let departments: [GeoFeature]
    public let communes: [GeoFeature]
    public let projection: ConicProjection

    /// `departments` are drawn and shaded; `communes` are only needed to outline territories.
    public init(departments: [GeoFeature], communes: [GeoFeature] = [], projection: ConicProjection = .lambert93) {
        self.departments = departments
        self.communes = communes
        self.projection = projection
    }

    /// The coverage class, 0 to 4, of a share between 0 and 1 (`0.2` is in class 1, `20–40 %`).
    public static func coverageClass(_ share: Double) -> Int {
        min(4, max(0, Int((share * 5 + 1e-9).rounded(.down))))
    }

    /// `0–20 %` … `80–100 %`, with a no-break space before `%`.
    public static func classLabel(_ index: Int) -> String {
        "\(index * 20)–\((index + 1) * 20)\(FrenchFormat.unitSpace)%"
    }

    /// The map, or nil when there is nothing to draw (no department shape and no territory with commune shapes).
    /// `coverage` is the covered share (0…1) by department code; `id` prefixes the ids of `<title>` and `<desc>`.
    public func svg(
        coverage: [String: Double], territories: [MapTerritory],
        title: String = "Couverture de la population par les CPTS", id: String = "map", legend drawsLegend: Bool = true
    ) -> String? {
        let shaded = departments.sorted { $0.code < $1.code }
            .map { (feature: $0, polygons: projection.gridPolygons(of: $0)) }
            .filter { !$0.polygons.isEmpty }
        let outlined = outlines(of: territories)
        let departmentRings = shaded.flatMap { $0.polygons.joined() }
        let allRings = departmentRings + outlined.flatMap(\.rings)
        // The departments set the frame; territories alone only when there is no department shape.
        guard let extent = GridRing.bounds(departmentRings.isEmpty ? allRings : departmentRings) else { return nil }

        let frame = MapFrame(extent: extent, size: Self.size, margin: Self.margin)
        // One drawing unit: anything finer would be lost when coordinates are rounded.
        let simplified = BorderSimplifier.simplify(allRings, tolerance: frame.metresPerUnit)
        var next = simplified.makeIterator()
        func take(_ count: Int) -> [[GridPoint]] { (0..<count).compactMap { _ in next.next() } }

        let showsNoData = shaded.contains { coverage[$0.feature.code] == nil }
        let legendRows = 7 + (showsNoData ? 1 : 0)  // heading, five classes, territory, and maybe no data
        let width = frame.width + (drawsLegend ? Self.legendWidth : 0)
        let height = drawsLegend ? max(frame.height, legendRows * Self.rowHeight + 2 * Self.margin) : frame.height
        let alternative = description(of: shaded.map(\.feature), coverage: coverage, territories: outlined.map(\.territory))
        // An image's children are not reachable: with territory links inside, the map is a group of them.
        let role = outlined.isEmpty ? "img" : "group"
        var out = "<svg class=\"map\" viewBox=\"0 0 \(width) \(height)\" role=\"\(role)\" aria-labelledby=\"\(id)-title \(id)-desc\""
        out += " xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title id=\"\(id)-title\">\(SVG.escape(title))</title><desc id=\"\(id)-desc\">\(SVG.escape(alternative))</desc>"

        out += "<g class=\"map-departments\" stroke=\"#ffffff\" stroke-width=\"2\" stroke-linejoin=\"round\">"
        for department in shaded {
            let rings = take(department.polygons.reduce(0) { $0 + $1.count })
            let share = coverage[department.feature.code]
            let fill = share.map { Self.colours[Self.coverageClass($0)] } ?? Self.noDataColour
            let kind = share.map { "map-class-\(Self.coverageClass($0))" } ?? "map-no-data"
            let label = department.feature.name + "\u{202F}: " + (share.map { FrenchFormat.percent($0) } ?? "sans donnée")
            out += "<path class=\"map-department \(kind)\" fill=\"\(fill)\" fill-rule=\"evenodd\" d=\"\(frame.path(rings))\">"
            out += "<title>\(SVG.escape(label))</title></path>"
        }
        out += "</g>"

        out += "<g class=\"map-territories\" fill=\"#ffffff\" fill-opacity=\"0\" stroke=\"\(Self.territoryColour)\" stroke-width=\"3\" stroke-linejoin=\"round\">"
        for territory in outlined {
            let rings = take(territory.rings.count)
            out += "<a href=\"\(SVG.escape(territory.territory.href))\"><title>\(SVG.escape(territory.territory.name))</title>"
            out += "<path class=\"map-territory\" fill-rule=\"evenodd\" d=\"\(frame.path(rings))\"/></a>"
        }
        out += "</g>"
        if drawsLegend {
            out += legend(x: frame.width, showsNoData: showsNoData, showsTerritories: !outlined.isEmpty)
        }
        return out + "</svg>"
    }

    /// Each territory with the outline of the union of its communes that have a shape, in name order.
    func outlines(of territories: [MapTerritory]) -> [(territory: MapTerritory, rings: [[GridPoint]])] {
        var byCode: [String: GeoFeature] = [:]
        for commune in communes where byCode[commune.code] == nil {
            byCode[commune.code] = commune
        }
        return territories.sorted { ($0.name, $0.href) < ($1.name, $1.href) }.compactMap { territory in
            let codes = Array(Set(territory.communes)).sorted()
            let polygons = codes.compactMap { byCode[$0] }.flatMap { projection.gridPolygons(of: $0) }
            let rings = PolygonUnion.outline(of: polygons)
            return rings.isEmpty ? nil : (territory, rings)
        }
    }

    /// The text alternative: every department's figure and every territory drawn, in French.
    func description(of departments: [GeoFeature], coverage: [String: Double], territories: [MapTerritory]) -> String {
        var text = ""
        if !departments.isEmpty {
            let figures = departments.map { department in
                department.name + " " + (coverage[department.code].map { FrenchFormat.percent($0) } ?? "sans donnée")
            }
            text += "Carte des départements, colorés selon la part de leur population couverte par une CPTS\u{202F}: "
            text += figures.joined(separator: ", ") + "."
        }
        if !territories.isEmpty {
            let count = territories.count
            text += (text.isEmpty ? "" : " ")
            text += count == 1 ? "Territoire de CPTS tracé\u{202F}: " : "\(count) territoires de CPTS tracés\u{202F}: "
            text += territories.map(\.name).joined(separator: ", ") + "."
        }
        return text
    }

    /// The legend as HTML, beside a map drawn with `legend: false`: text in the page reflows and keeps its size on
    /// a phone, where the legend drawn inside the SVG would shrink with the map. Each swatch is a small SVG (the
    /// site's security policy forbids inline styles).
    public func legendHTML(coverage: [String: Double], hasTerritories: Bool) -> String {
        Self.legendHTML(showsNoData: departments.contains { coverage[$0.code] == nil }, hasTerritories: hasTerritories)
    }

    /// The legend as HTML (see above), with the « sans donnée » row or without.
    static func legendHTML(showsNoData: Bool, hasTerritories: Bool) -> String {
        var rows: [(swatch: String, label: String)] = (0..<5).reversed().map { index in
            ("fill=\"\(Self.colours[index])\" stroke=\"#888888\"", Self.classLabel(index))
        }
        if showsNoData {
            rows.append(("fill=\"\(Self.noDataColour)\" stroke=\"#888888\"", "sans donnée"))
        }
        if hasTerritories {
            rows.append(("fill=\"none\" stroke=\"\(Self.territoryColour)\" stroke-width=\"3\"", "territoire de CPTS"))
        }
        var out = "<div class=\"map-legend\"><p>Population couverte</p><ul>"
        for row in rows {
            out += "<li><svg width=\"18\" height=\"18\" viewBox=\"0 0 18 18\" aria-hidden=\"true\" focusable=\"false\">"
            out += "<rect x=\"1.5\" y=\"1.5\" width=\"15\" height=\"15\" \(row.swatch)/></svg> \(SVG.escape(row.label))</li>"
        }
        return out + "</ul></div>"
    }

    func legend(x: Int, showsNoData: Bool, showsTerritories: Bool) -> String {
        let left = x + Self.margin, box = Self.rowHeight - 10
        var out = "<g class=\"map-legend\" font-size=\"\(Self.fontSize)\">"
        var y = Self.margin
        out += "<text x=\"\(left)\" y=\"\(y + Self.fontSize)\">Population couverte</text>"
        y += Self.rowHeight + 4
        // Each row: the attributes of its swatch, and its label.
        var rows: [(swatch: String, label: String)] = (0..<5).reversed().map { index in
            ("fill=\"\(Self.colours[index])\" stroke=\"#888888\"", Self.classLabel(index))
        }
        if showsNoData {
            rows.append(("fill=\"\(Self.noDataColour)\" stroke=\"#888888\"", "sans donnée"))
        }
        if showsTerritories {
            rows.append(("fill=\"none\" stroke=\"\(Self.territoryColour)\" stroke-width=\"3\"", "territoire de CPTS"))
        }
        for (index, row) in rows.enumerated() {
            let top = y + index * Self.rowHeight
            out += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(box)\" height=\"\(box)\" \(row.swatch)/>"
            out += "<text x=\"\(left + box + 10)\" y=\"\(top + box - 4)\">\(SVG.escape(row.label))</text>"
        }
        return out + "</g>"
    }
}

/// From grid metres to drawing units: north up, whole numbers, a margin around the map.
struct MapFrame {
    let minX: Int, maxY: Int
    let metresPerUnit: Double
    let margin: Int
    let width: Int, height: Int

    init(extent: (min: GridPoint, max: GridPoint), size: Double, margin: Int) {
        minX = extent.min.x
        maxY = extent.max.y
        let spanX = Double(extent.max.x - extent.min.x), spanY = Double(extent.max.y - extent.min.y)
        metresPerUnit = max(1, max(spanX, spanY) / size)
        self.margin = margin
        width = Int((spanX / metresPerUnit).rounded()) + 2 * margin
        height = Int((spanY / metresPerUnit).rounded()) + 2 * margin
    }

    func unit(_ point: GridPoint) -> (x: Int, y: Int) {
        (Int((Double(point.x - minX) / metresPerUnit).rounded()) + margin,
         Int((Double(maxY - point.y) / metresPerUnit).rounded()) + margin)
    }

    /// `M x y L x y … Z` for each ring that still has three distinct points once rounded.
    func path(_ rings: [[GridPoint]]) -> String {
        var out = ""
        for ring in rings {
            var points: [(x: Int, y: Int)] = []
            for point in ring.dropLast() {
                let u = unit(point)
                if let last = points.last, last == u { continue }
                points.append(u)
            }
            while points.count > 1, let first = points.first, let last = points.last, first == last {
                points.removeLast()
            }
            guard points.count >= 3 else { continue }
            out += "M\(points[0].x) \(points[0].y)L"
            out += points.dropFirst().map { "\($0.x) \($0.y)" }.joined(separator: " ")
            out += "Z"
        }
        return out
    }
}

/// The rules across the regions of a national site (`NationalContent`), in the order they are checked. Each
/// region's own rules were checked by its own site; these compare regions with one another and with the INSEE
/// geography (`FrenchRegions`). Two rules the issue names need no function:
/// - the same CPTS slug in two regions is allowed: a national page links each CPTS to its own regional site
///   (`RegionalSite.pageURL(of:)`, distinct as the sites' addresses are), and national pages will be filed under
///   their region's code (`regions/<code>/…`), so no two URLs meet;
/// - regions dated differently are allowed: each `RegionalSite.asOf` is kept, for pages to say « données au
///   31/12/2024 pour … » region by region.
public enum NationalRules {
    public typealias Rule = @Sendable (NationalContent) -> [Diagnostic]

    public static let all: [(name: String, check: Rule)] = [
        ("regionIsKnown", regionIsKnown),
        ("departmentIsInItsRegion", departmentIsInItsRegion),
        ("oneCPTSPerTerritoryAcrossRegions", oneCPTSPerTerritoryAcrossRegions),
    ]

    public static func validate(_ content: NationalContent) -> [Diagnostic] {
        all.flatMap { $0.check(content) }
    }

    /// A region code is one of the 18 regions.
    @Sendable public static func regionIsKnown(_ content: NationalContent) -> [Diagnostic] {
        content.regions.compactMap { region in
            FrenchRegions.name(ofRegion: region.code.value) == nil
                ? .error(.national(.regionUnknown(code: region.code.value)), at: region.code.location) : nil
        }
    }

    /// Every department a region lists, and every CPTS's department, belongs to that region (INSEE geography);
    /// a code that is no department is reported too. Nothing is said of a region whose own code is unknown.
    @Sendable public static func departmentIsInItsRegion(_ content: NationalContent) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for region in content.regions where FrenchRegions.name(ofRegion: region.code.value) != nil {
            for code in region.departments.map(\.code) + region.cpts.map(\.department) {
                guard let belongsTo = FrenchRegions.region(ofDepartment: code.value) else {
                    found.append(.error(.national(.departmentUnknown(department: code.value)), at: code.location))
                    continue
                }
                guard belongsTo != region.code.value else { continue }
                found.append(.error(.national(.departmentInOtherRegion(
                    department: code.value, region: region.code.value, belongsTo: belongsTo,
                    belongsToName: FrenchRegions.name(ofRegion: belongsTo) ?? belongsTo)), at: code.location))
            }
        }
        return found
    }

    /// One CPTS per territory: a commune (INSEE code) claimed by CPTS of two regions is an error at the second
    /// claim, naming the first CPTS and its file. Overlaps inside one region are that region's own rule
    /// (`ContentRules.oneCPTSPerTerritory`) and are not reported twice here.
    @Sendable public static func oneCPTSPerTerritoryAcrossRegions(_ content: NationalContent) -> [Diagnostic] {
        var claimed: [String: (region: Int, cpts: RegionalCPTS, file: String)] = [:]
        var found: [Diagnostic] = []
        for (index, region) in content.regions.enumerated() {
            for cpts in region.cpts {
                for commune in cpts.communes {
                    if let first = claimed[commune.value] {
                        guard first.region != index else { continue }
                        found.append(.error(.national(.communeInTwoRegions(
                            commune: commune.value, cpts: cpts.name, otherCPTS: first.cpts.name, otherFile: first.file)),
                            at: commune.location))
                    } else {
                        claimed[commune.value] = (index, cpts, region.file)
                    }
                }
            }
        }
        return found
    }
}

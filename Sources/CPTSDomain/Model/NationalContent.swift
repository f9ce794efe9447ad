/// A national site's content: the regions' own `data/site.json` files, copied under `content/regions/<code>.json`,
/// each with the address of the regional site that published it. Figures are kept as each region published them,
/// at each region's own date: nothing is recomputed here.
public struct NationalContent: Sendable {
    public var title: String
    public var regions: [RegionalSite]
    /// `notice:` of `site.yaml`, shown on every national page (« Données illustratives… »); nil without one.
    public var notice: String?

    public init(title: String, regions: [RegionalSite], notice: String? = nil) {
        self.title = title
        self.regions = regions
        self.notice = notice
    }
}

/// One region's `data/site.json` (format version `RegionalSite.formatVersion`), as read by `RegionalSiteReader`.
public struct RegionalSite: Sendable {
    /// The version of `data/site.json` a national site reads (`SiteJSON.version` of the writer).
    public static let formatVersion = 2

    /// The file, as diagnostics show it (`content/regions/24.json`).
    public var file: String
    /// The regional site's address, from `content/site.yaml` (`regions:`): its CPTS pages are `<url>cpts/<slug>/`.
    public var url: String
    /// Where `url` is written in `site.yaml`.
    public var urlLocation: SourceLocation?
    public var asOf: Located<Day>
    public var code: Located<String>
    public var name: String
    public var population: Int
    public var populationVintage: String
    public var departments: [RegionalDepartment]
    public var cpts: [RegionalCPTS]
    /// The region's ACI funding by calendar year, as it published it (`region.funding`).
    public var funding: [RegionalFundingYear] = []
    /// Where the file's root object starts.
    public var location: SourceLocation

    public init(file: String, url: String, asOf: Located<Day>, code: Located<String>, name: String, population: Int,
                populationVintage: String, departments: [RegionalDepartment], cpts: [RegionalCPTS], location: SourceLocation) {
        self.file = file
        self.url = url
        self.asOf = asOf
        self.code = code
        self.name = name
        self.population = population
        self.populationVintage = populationVintage
        self.departments = departments
        self.cpts = cpts
        self.location = location
    }

    /// A CPTS page of the regional site: a national page links there, so two regions may use the same slug.
    public func pageURL(of cpts: RegionalCPTS) -> String {
        (url.hasSuffix("/") ? url : url + "/") + SiteRoutes.cpts + "/" + cpts.slug.value + "/"
    }
}

/// One calendar year of a region's ACI funding, in euros, as published (`region.funding[]` of its `site.json`).
public struct RegionalFundingYear: Sendable, Equatable {
    public var year: Int
    /// Operation and fixed parts due for the year.
    public var total: Int
    public var maximum: Int
    /// Variable part earned by contract years ended at the region's date.
    public var earned: Int
    /// A contract year not begun at the region's date is in it.
    public var projected: Bool

    public init(year: Int, total: Int, maximum: Int, earned: Int, projected: Bool) {
        self.year = year
        self.total = total
        self.maximum = maximum
        self.earned = earned
        self.projected = projected
    }
}

public struct RegionalDepartment: Sendable {
    public var code: Located<String>
    public var name: String
    public var population: Int

    public init(code: Located<String>, name: String, population: Int) {
        self.code = code
        self.name = name
        self.population = population
    }
}

/// A CPTS as its region published it at the region's `asOf`.
public struct RegionalCPTS: Sendable {
    public var slug: Located<String>
    public var name: String
    public var department: Located<String>
    /// nil: no stage reached at the region's date.
    public var stage: Stage?
    public var population: Int
    /// INSEE codes, each where the regional file writes it.
    public var communes: [Located<String>]
    public var signature: Day?
    /// Euros paid by the region's `asOf` under the ACI (`funding.paid`), nil without a signed contract.
    public var paid: Int?
    public var location: SourceLocation

    public init(slug: Located<String>, name: String, department: Located<String>, stage: Stage?, population: Int,
                communes: [Located<String>], signature: Day?, paid: Int?, location: SourceLocation) {
        self.slug = slug
        self.name = name
        self.department = department
        self.stage = stage
        self.population = population
        self.communes = communes
        self.signature = signature
        self.paid = paid
        self.location = location
    }
}

/// One CPTS as its content file describes it.
public struct CPTS: Sendable {
    /// The file name without extension; it becomes the page's URL.
    public var slug: Located<String>
    public var file: String
    public var name: String
    public var department: Located<String>
    /// Inhabitants covered, as written; nil when the CPTS gives only communes.
    public var population: Located<Int>?
    /// INSEE codes of the communes of its territory.
    public var communes: [Located<String>]
    public var stage: Located<Stage>
    public var dates: [Stage: Located<Day>]
    public var schedule: Located<String>?
    public var legalForm: String?
    public var members: [Member]
    public var missions: [MissionEngagement]
    /// Stages whose date in `dates` is a forecast (`planned: [aci-signed]`), not a stage reached: no warning when
    /// it lies after `asOf`, and it may be dated beyond the current stage.
    public var plannedStages: Set<Stage>
    /// The projet de santé, in Markdown; empty once the load has rendered it (`rendered`).
    public var body: String
    /// The projet de santé as its page shows it, when the load rendered it.
    public var rendered: RenderedText?
    /// Where `body` begins in the file.
    public var bodyStart = BodyStart(line: 1, offset: 0)
    /// The CPTS's logo (`logo:`), a path under `static/`, shown on its page and its reports' covers.
    public var logo: Located<String>?
    /// The images of its Markdown that name a file of `static/`, by their path there.
    public var images: [Located<String>] = []
    /// The images of its Markdown that name a file outside the site (`/…`, `file:`, `../` above the root), as
    /// written: the renderer leaves them out.
    public var imagesOutsideSite: [Located<String>] = []
    /// Where the front matter begins, for diagnostics about the file as a whole.
    public var location: SourceLocation
    /// Keys the reader already reported as written wrong (`population` under a misspelt key, `dates.diagnostic`
    /// holding `31/12/2019`): the rules do not report them missing as well, so that one mistake makes one diagnostic.
    public var reportedKeys: Set<String> = []

    public init(slug: Located<String>, file: String, name: String, department: Located<String>,
                population: Located<Int>?, communes: [Located<String>], stage: Located<Stage>,
                dates: [Stage: Located<Day>], schedule: Located<String>?, legalForm: String?,
                members: [Member], missions: [MissionEngagement], body: String,
                location: SourceLocation, plannedStages: Set<Stage> = []) {
        self.slug = slug
        self.file = file
        self.name = name
        self.department = department
        self.population = population
        self.communes = communes
        self.stage = stage
        self.dates = dates
        self.schedule = schedule
        self.legalForm = legalForm
        self.members = members
        self.missions = missions
        self.plannedStages = plannedStages
        self.body = body
        self.location = location
    }

    /// The date of the signature of the ACI contract, if signed.
    public var signature: Day? { dates[.aciSigned]?.value }

    /// Whether the ACI contract is signed at `day` (the site's date, `asOf`): the one test of "signed by asOf" that
    /// the ledger, the mission statuses, the report rules, the routes and the CLI all ask.
    public func isSigned(by day: Day) -> Bool {
        guard stage.value == .aciSigned, let signature else { return false }
        return signature <= day
    }

    /// Whether the contract is signed at a date after `day`: a signature to come.
    public func isSignedAfter(_ day: Day) -> Bool {
        guard stage.value == .aciSigned, let signature else { return false }
        return signature > day
    }

    /// Contract year `year` (1 to 5): from the signature's anniversary `year − 1` (included) to anniversary
    /// `year` (excluded). Nil when the contract is not signed.
    public func contractYear(_ year: Int) -> (start: Day, end: Day)? {
        guard stage.value == .aciSigned, let signature else { return nil }
        return (signature.adding(years: year - 1), signature.adding(years: year))
    }

    /// Contract year `year` in the ledger's period convention: its first day and its last day, the day before the
    /// next anniversary ("du 30/09/2019 au 29/09/2020"). Nil when the contract is not signed.
    public func contractPeriod(_ year: Int) -> (start: Day, lastDay: Day)? {
        contractYear(year).map { ($0.start, $0.end.dayBefore) }
    }

    /// Whether contract year `year` has begun at `day` (the site's date) under a contract signed by then.
    public func hasBegun(contractYear year: Int, by day: Day) -> Bool {
        guard isSigned(by: day), let dates = contractYear(year) else { return false }
        return dates.start <= day
    }

    /// The stage reached at `day`, from the dated stages; nil before the first one.
    public func stage(at day: Day) -> Stage? {
        datedStages.last { $0.date <= day }?.stage
    }

    /// The stages up to the current one that carry a date, in the stages' order: what `stage(at:)` reads.
    /// A planned date is not a stage reached.
    public var datedStages: [(stage: Stage, date: Day)] {
        Stage.allCases.compactMap { stage in
            guard stage <= self.stage.value, !plannedStages.contains(stage), let date = dates[stage]?.value else { return nil }
            return (stage, date)
        }
    }
}

/// A mission a CPTS carries or plans, with its dates.
public struct MissionEngagement: Sendable {
    public var id: Located<String>
    public var start: Located<Day>?
    public var deployed: Located<Day>?
    public var actions: [String]
    /// Which of `start` and `deployed` are forecasts (`planned: [deployed]`): no warning when after `asOf`.
    public var plannedStart: Bool
    public var plannedDeployed: Bool

    public init(id: Located<String>, start: Located<Day>?, deployed: Located<Day>?, actions: [String],
                plannedStart: Bool = false, plannedDeployed: Bool = false) {
        self.id = id
        self.start = start
        self.deployed = deployed
        self.actions = actions
        self.plannedStart = plannedStart
        self.plannedDeployed = plannedDeployed
    }
}

/// The annual activity report of a CPTS for one contract year (`reports/<slug>/<year>.md`): what its board hands
/// to the CPAM and the ARS for the *dialogue de gestion*. No official template exists; this is the site's.
public struct ActivityReport: Sendable {
    /// The CPTS's slug: the report's folder name.
    public var slug: Located<String>
    /// The contract year (1 for the year from the signature to its first anniversary): the file name.
    public var year: Located<Int>
    public var file: String
    /// Where the front matter begins, for diagnostics about the report as a whole.
    public var location: SourceLocation
    public var actions: [ReportAction]
    public var meetings: [Meeting]
    /// The coordinator's time, in full-time equivalents.
    public var coordinatorFTE: Located<Double>?
    /// Other paid staff, in full-time equivalents.
    public var staffFTE: Located<Double>?
    /// Spending by category (euros), optional, shown beside the ACI money of the year.
    public var spending: [(category: SpendingCategory, amount: Located<Int>)]
    /// What the year's spending adds up to, in euros.
    public var spendingTotal: Int { spending.map(\.amount.value).reduce(0, +) }
    /// Members by profession at the end of the year; empty when the report gives none.
    public var members: [Member]
    /// Proofs (*livrables*) handed in, per indicator.
    public var proofs: [Proof]
    /// The narrative (highlights, difficulties, outlook) in Markdown, sections by `##` headings; empty once the load
    /// has rendered it (`rendered`).
    public var body: String
    /// The narrative as its page shows it, when the load rendered it.
    public var rendered: RenderedText?
    /// Where `body` begins in the file.
    public var bodyStart = BodyStart(line: 1, offset: 0)
    /// The images of its Markdown that name a file of `static/`, by their path there.
    public var images: [Located<String>] = []
    /// The images of its Markdown that name a file outside the site (`/…`, `file:`, `../` above the root), as
    /// written: the renderer leaves them out.
    public var imagesOutsideSite: [Located<String>] = []

    public init(slug: Located<String>, year: Located<Int>, file: String, location: SourceLocation,
                actions: [ReportAction], meetings: [Meeting], coordinatorFTE: Located<Double>?, staffFTE: Located<Double>?,
                spending: [(category: SpendingCategory, amount: Located<Int>)],
                members: [Member], proofs: [Proof], body: String) {
        self.slug = slug
        self.year = year
        self.file = file
        self.location = location
        self.actions = actions
        self.meetings = meetings
        self.coordinatorFTE = coordinatorFTE
        self.staffFTE = staffFTE
        self.spending = spending
        self.members = members
        self.proofs = proofs
        self.body = body
    }
}

/// Where an action of the report stands.
public enum ActionStatus: String, CaseIterable, Sendable {
    /// *Prévue*.
    case planned
    /// *En cours*.
    case inProgress = "in-progress"
    /// *Réalisée*.
    case done
    /// *Abandonnée*.
    case abandoned
}

/// One action of a mission during the year, with its results and the indicators it serves.
public struct ReportAction: Sendable {
    public var mission: Located<String>
    public var title: String
    public var status: Located<ActionStatus>
    public var start: Located<Day>?
    public var end: Located<Day>?
    /// People reached or taking part.
    public var participants: Located<Int>?
    /// Results in words and figures (`12 réunions`, `340 patients orientés`).
    public var results: [String]
    /// Ids of the indicators (of the same contract year) the action serves.
    public var indicators: [Located<String>]
    public var location: SourceLocation

    public init(mission: Located<String>, title: String, status: Located<ActionStatus>, start: Located<Day>?,
                end: Located<Day>?, participants: Located<Int>?, results: [String], indicators: [Located<String>],
                location: SourceLocation) {
        self.mission = mission
        self.title = title
        self.status = status
        self.start = start
        self.end = end
        self.participants = participants
        self.results = results
        self.indicators = indicators
        self.location = location
    }
}

/// A meeting of the year: governance, the *dialogue de gestion*, working groups.
public struct Meeting: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        /// *Assemblée générale*.
        case generalAssembly = "general-assembly"
        /// *Conseil d'administration*, the board.
        case board
        /// *Bureau*.
        case bureau
        /// *Comité de pilotage*.
        case steeringCommittee = "steering-committee"
        /// *Dialogue de gestion* with the CPAM and the ARS.
        case managementDialogue = "management-dialogue"
        /// *Groupe de travail*.
        case workingGroup = "working-group"
    }

    public var date: Located<Day>
    public var kind: Located<Kind>
    public var title: String?
    /// People present.
    public var attendance: Located<Int>?
    public var location: SourceLocation

    public init(date: Located<Day>, kind: Located<Kind>, title: String?, attendance: Located<Int>?,
                location: SourceLocation) {
        self.date = date
        self.kind = kind
        self.title = title
        self.attendance = attendance
        self.location = location
    }
}

/// The proofs (*livrables*) handed in for one indicator: attendance sheets, agreements, CPAM data.
public struct Proof: Sendable {
    public var indicator: Located<String>
    public var items: [String]

    public init(indicator: Located<String>, items: [String]) {
        self.indicator = indicator
        self.items = items
    }
}

/// What a CPTS spends its money on, for the optional spending table of a report.
public enum SpendingCategory: String, CaseIterable, Sendable {
    /// Coordination and other paid staff.
    case staff
    /// Compensation of the professionals' time (*indemnisation*).
    case fees
    case premises
    case equipment
    case communication
    case training
    case other
}

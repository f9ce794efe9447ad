import CPTSDomain

extension ViewModels {
    /// The methodology page: the site's own text (`pages/methodologie.md`, if any), then the facts the
    /// figures rest on, generated from the content: date, population vintage, funding schedule line by line.
    func methodology(root: String) -> MethodologyPage {
        let page = content.pages.first { $0.slug.value == Routes.methodologySlug }
        return MethodologyPage(
            frame: common(root: root, title: "Méthodologie"),
            title: page?.title ?? "Méthodologie",
            body: page.map { rendered($0.body, $0.rendered, root: root).html },
            populationVintage: content.region.populationVintage.isEmpty ? nil : content.region.populationVintage,
            regionPopulation: FrenchFormat.integer(content.region.population.value),
            plannedTerritories: FrenchFormat.integer(content.region.plannedTerritories.value),
            projectionAssumption: DomainLabels.projectionAssumption,
            schedules: usedSchedules().map(scheduleModel),
            downloads: dataDownloads(root: root),
            dataFiles: [("cpts.csv", "une ligne par CPTS", SpreadsheetCSV.cptsColumns),
                        ("indicators.csv", "une ligne par indicateur et par année de contrat de chaque CPTS",
                         SpreadsheetCSV.indicatorColumns)].map { file, rows, columns in
                DataFile(file: file, rows: rows, columns: columns.map { DataColumn(header: $0.header, meaning: $0.meaning) })
            },
            secrecy: secrecyRule())
    }

    /// The statistical secrecy rule as the site applies it (`Secrecy`), with its threshold.
    func secrecyRule() -> String {
        let threshold = figures.secrecy.threshold
        guard threshold > 1 else {
            return "Secret statistique\u{202F}: ce site n’applique aucun seuil et publie tous les nombres de personnes, même petits."
        }
        let range = threshold == 2 ? "égal à 1" : "de 1 à \(FrenchFormat.integer(threshold - 1))"
        return "Secret statistique\u{202F}: un nombre de personnes \(range) (patients ou professionnels d’un indicateur ou "
            + "du diagnostic territorial, membres d’une profession) n’est publié ni sur les pages ni dans les fichiers de "
            + "données\u{202F}; «\u{202F}secret statistique\u{202F}» le remplace. Le seuil de ce site est de "
            + "\(FrenchFormat.integer(threshold))\u{202F}; la règle de la CNIL qu’applique l’outil Rézone CPTS de l’Assurance "
            + "Maladie cache les chiffres d’une profession dans une commune de moins de 6 praticiens. Zéro est publié\u{202F}: "
            + "il ne décrit personne. Quand un tableau donne un total et ses parties (les membres par profession), une seule "
            + "partie cachée se déduirait par soustraction\u{202F}: la plus petite partie publiée non nulle est alors cachée "
            + "aussi (à égalité, la première par ordre alphabétique de l’identifiant de la profession), et le total "
            + "s’il est lui-même un petit nombre, de sorte qu’aucun nombre caché ne se calcule à partir des nombres publiés. "
            + "Une densité calculée à partir d’un nombre de membres caché est cachée."
    }

    /// The site's default schedule first, then any other a CPTS names, then those that take over from them by
    /// date (a contract year is paid under the schedule in force at its start).
    func usedSchedules() -> [FundingSchedule] {
        let named = [content.settings.schedule.value] + content.cpts.compactMap(\.schedule?.value).sorted()
        let earliest = named.compactMap { content.schedules[$0]?.effective }.min()
        let later = content.schedules.values.compactMap { schedule -> (Day, String)? in
            guard let effective = schedule.effective, let earliest, effective > earliest else { return nil }
            return (effective, schedule.id)
        }.sorted { $0 < $1 }.map(\.1)
        let ids = named + later
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }.compactMap { content.schedules[$0] }
    }

    /// The population range of each of the schedule's four size tranches, in words.
    func trancheRanges(_ schedule: FundingSchedule) -> [String] {
        let bounds = schedule.tranches.value
        return (0..<4).map { index -> String in
            let lower = index == 0 ? nil : bounds[safe: index - 1]
            let upper = bounds[safe: index].map { $0 - 1 }
            switch (lower, upper) {
            case (nil, let upper?): return "moins de \(FrenchFormat.integer(upper + 1)) hab."
            case (let lower?, let upper?): return "\(FrenchFormat.integer(lower)) à \(FrenchFormat.integer(upper)) hab."
            case (let lower?, nil): return "\(FrenchFormat.integer(lower)) hab. et plus"
            default: return ""
            }
        }
    }

    func scheduleModel(_ schedule: FundingSchedule) -> ScheduleModel {
        let tranches = trancheRanges(schedule)
        // Where the lines add up to something else than a published maximum (the two rows at the table's foot),
        // it is said once, under the table: the unverified lines are the ones to check.
        let gaps = (1...4).filter { number in
            schedule.publishedMaxima?.amounts[number].map { $0 != schedule.sumOfLines(SizeTranche(number: number)) } ?? false
        }
        var lines: [ScheduleRow] = [line(FundingPart.operation.label, schedule.operation)]
        if let raise = schedule.operationRaise {
            lines.append(line("Majoration du fonctionnement, contrats signés avant le \(FrenchFormat.shortDate(raise.signedBefore)) (versée \(raise.paid.label))",
                                      raise.amounts))
        }
        for mission in Mission.catalogue {
            guard let amounts = schedule.missions[mission.id] else { continue }
            let socle = schedule.socleIDs.contains(mission.id) ? " (\(DomainLabels.socle(since: schedule.socleSince[mission.id]).lowercasedFirst))" : ""
            lines.append(line("\(mission.name)\(socle) — \(FundingPart.fixed.label.lowercasedFirst)", amounts.fixed, fallbackStatus: amounts.status, fallbackSource: amounts.source))
            if let extra = amounts.extra {
                lines.append(line("\(mission.name) — \(FundingPart.extra.label.lowercasedFirst)", extra, fallbackStatus: amounts.status, fallbackSource: amounts.source))
            }
            if let firstYear = amounts.firstYear {
                lines.append(line("\(mission.name) — \(FundingPart.fixed.label.lowercasedFirst) de la première année", firstYear,
                                  fallbackStatus: amounts.status, fallbackSource: amounts.source))
            }
            lines.append(line("\(mission.name) — \(FundingPart.variableMaximum.label.lowercasedFirst)", amounts.variable, fallbackStatus: amounts.status, fallbackSource: amounts.source))
        }
        lines.append(ScheduleRow(
            name: schedule.operationRaise == nil ? "Total des lignes, toutes missions" : "Total des lignes, toutes missions, majoration comprise",
            amounts: (1...4).map { FrenchFormat.euros(schedule.sumOfLines(SizeTranche(number: $0))) },
            status: nil, source: nil))
        if let maxima = schedule.publishedMaxima {
            lines.append(ScheduleRow(
                name: "Maximum annuel publié",
                amounts: (1...4).map { maxima.amounts[$0].map { FrenchFormat.euros($0) } ?? "non publié" },
                status: nil, source: maxima.source))
        }
        if let aid = schedule.letterOfIntentAid {
            lines.append(line("Aide au stade de la lettre d’intention", aid))
        }
        // The unsure statuses the lines carry, to name them in the note.
        let unsure = ["to-verify", "estimated"].compactMap(DomainLabels.scheduleStatuses.knownLabel)
            .filter { label in lines.contains { $0.status == label } }.map { "«\u{202F}\($0)\u{202F}»" }
        let gapNote = gaps.isEmpty ? nil
            : "La somme des lignes s’écarte du maximum annuel publié en " + (gaps.count == 1 ? "tranche " : "tranches ")
            + gaps.map(String.init).joined(separator: ", ")
            + (unsure.isEmpty ? "." : "\u{202F}: les lignes " + unsure.joined(separator: " et ") + " sont à confirmer.")
        return ScheduleModel(
            id: schedule.id,
            label: schedule.label,
            source: schedule.source,
            effective: schedule.effective.map { FrenchFormat.shortDate($0) },
            signed: schedule.signed.map { FrenchFormat.shortDate($0) },
            tranches: tranches.enumerated().map { TrancheRange(number: String($0.offset + 1), range: $0.element) },
            lines: lines,
            gap: gapNote)
    }

    func line(_ name: String, _ line: ScheduleLine, fallbackStatus: String? = nil, fallbackSource: String? = nil) -> ScheduleRow {
        ScheduleRow(
            name: name,
            amounts: line.amounts.map { FrenchFormat.euros($0) },
            // Every row has every key (false when empty): a name missing in a row would be looked up at the root.
            status: (line.status ?? fallbackStatus).flatMap(DomainLabels.scheduleStatuses.knownLabel),
            source: line.source ?? fallbackSource)
    }
}

/// The methodology page (`methodology.mustache`).
struct MethodologyPage: PageModel {
    static let template = "methodology"
    let frame: PageFrame
    let title: String
    let body: String?
    let populationVintage: String?
    let regionPopulation: String
    let plannedTerritories: String
    let projectionAssumption: String
    let schedules: [ScheduleModel]
    let downloads: [DataDownload]
    let dataFiles: [DataFile]
    /// The statistical secrecy rule and the site's threshold, in words.
    let secrecy: String

    static let fields: [TemplateField<Self>] = [
        .inline(\.frame), .text("title", \.title), .optionalText("body", \.body), .text("secrecy", \.secrecy),
        .optionalText("populationVintage", \.populationVintage), .text("regionPopulation", \.regionPopulation),
        .text("plannedTerritories", \.plannedTerritories),
        .text("projectionAssumption", \.projectionAssumption), .list("schedules", \.schedules), .list("downloads", \.downloads),
        .list("dataFiles", \.dataFiles),
    ]
}

/// A funding schedule, line by line.
struct ScheduleModel: TemplateModel {
    let id: String
    let label: String
    let source: String
    let effective: String?
    let signed: String?
    let tranches: [TrancheRange]
    let lines: [ScheduleRow]
    let gap: String?

    static let fields: [TemplateField<Self>] = [
        .text("id", \.id), .text("label", \.label), .text("source", \.source), .optionalText("effective", \.effective),
        .optionalText("signed", \.signed), .list("tranches", \.tranches), .list("lines", \.lines), .optionalText("gap", \.gap),
    ]
}

struct TrancheRange: TemplateModel {
    let number: String
    let range: String

    static let fields: [TemplateField<Self>] = [.text("number", \.number), .text("range", \.range)]
}

/// A line of a schedule: its amount in each of the four tranches.
struct ScheduleRow: TemplateModel {
    let name: String
    let amounts: [String]
    let status: String?
    let source: String?

    static let fields: [TemplateField<Self>] = [
        .text("name", \.name), .texts("amounts", \.amounts), .optionalText("status", \.status), .optionalText("source", \.source),
    ]
}

/// A data file the site publishes, column by column.
struct DataFile: TemplateModel {
    let file: String
    let rows: String
    let columns: [DataColumn]

    static let fields: [TemplateField<Self>] = [.text("file", \.file), .text("rows", \.rows), .list("columns", \.columns)]
}

struct DataColumn: TemplateModel {
    let header: String
    let meaning: String

    static let fields: [TemplateField<Self>] = [.text("header", \.header), .text("meaning", \.meaning)]
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

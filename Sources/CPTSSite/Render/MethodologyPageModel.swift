import CPTSDomain

extension ViewModels {
    /// The methodology page: the site's own text (`pages/methodologie.md`, if any), then the facts the
    /// figures rest on, generated from the content: date, population vintage, funding schedule line by line.
    func methodology() -> [String: Any] {
        var model = common(depth: 1, title: "Méthodologie")
        let page = content.pages.first { $0.slug.value == ViewModels.methodologySlug }
        model["title"] = page?.title ?? "Méthodologie"
        model["body"] = page.map { markdown.render($0.body).html } ?? false
        model["populationVintage"] = content.region.populationVintage.isEmpty ? false : content.region.populationVintage
        model["regionPopulation"] = FrenchFormat.integer(content.region.population.value)
        model["plannedTerritories"] = FrenchFormat.integer(content.region.plannedTerritories.value)
        model["schedules"] = usedSchedules().map(scheduleModel)
        return model
    }

    static let methodologySlug = "methodologie"

    /// The site's default schedule first, then any other a CPTS names.
    func usedSchedules() -> [FundingSchedule] {
        let ids = [content.settings.schedule.value] + content.cpts.compactMap(\.schedule?.value).sorted()
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }.compactMap { content.schedules[$0] }
    }

    func scheduleModel(_ schedule: FundingSchedule) -> [String: Any] {
        let bounds = schedule.tranches.value
        let tranches = (0..<4).map { index -> String in
            let lower = index == 0 ? nil : bounds[safe: index - 1]
            let upper = bounds[safe: index].map { $0 - 1 }
            switch (lower, upper) {
            case (nil, let upper?): return "moins de \(FrenchFormat.integer(upper + 1)) hab."
            case (let lower?, let upper?): return "\(FrenchFormat.integer(lower)) à \(FrenchFormat.integer(upper)) hab."
            case (let lower?, nil): return "\(FrenchFormat.integer(lower)) hab. et plus"
            default: return ""
            }
        }
        var lines: [[String: Any]] = [line("Fonctionnement", schedule.operation)]
        for mission in Mission.catalogue {
            guard let amounts = schedule.missions[mission.id] else { continue }
            let socle = schedule.socleIDs.contains(mission.id) ? " (socle)" : ""
            lines.append(line("\(mission.name)\(socle) — part fixe", amounts.fixed, fallbackStatus: amounts.status, fallbackSource: amounts.source))
            if let extra = amounts.extra {
                lines.append(line("\(mission.name) — compensation complémentaire", extra, fallbackStatus: amounts.status, fallbackSource: amounts.source))
            }
            lines.append(line("\(mission.name) — part variable maximale", amounts.variable, fallbackStatus: amounts.status, fallbackSource: amounts.source))
        }
        return [
            "id": schedule.id,
            "label": schedule.label,
            "source": schedule.source,
            "tranches": tranches.enumerated().map { ["number": String($0.offset + 1), "range": $0.element] },
            "lines": lines,
        ]
    }

    func line(_ name: String, _ line: ScheduleLine, fallbackStatus: String? = nil, fallbackSource: String? = nil) -> [String: Any] {
        present([
            "name": name,
            "amounts": line.amounts.map { FrenchFormat.euros($0) },
            "status": statusLabel(line.status ?? fallbackStatus),
            "source": line.source ?? fallbackSource,
        ])
    }

    func statusLabel(_ status: String?) -> String? {
        switch status {
        case "sure": "sûr"
        case "one-source": "une seule source"
        case "to-verify": "à vérifier"
        case "estimated": "estimé"
        default: nil
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

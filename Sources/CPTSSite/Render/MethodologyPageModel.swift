import CPTSDomain

extension ViewModels {
    /// The methodology page: the site's own text (`pages/methodologie.md`, if any), then the facts the
    /// figures rest on, generated from the content: date, population vintage, funding schedule line by line.
    func methodology(root: String) -> [String: Any] {
        var model = common(root: root, title: "Méthodologie")
        let page = content.pages.first { $0.slug.value == Routes.methodologySlug }
        model["title"] = page?.title ?? "Méthodologie"
        model["body"] = page.map { markdown.render($0.body, imageRoot: root).html } ?? false
        model["populationVintage"] = content.region.populationVintage.isEmpty ? false : content.region.populationVintage
        model["regionPopulation"] = FrenchFormat.integer(content.region.population.value)
        model["plannedTerritories"] = FrenchFormat.integer(content.region.plannedTerritories.value)
        model["projectionAssumption"] = DomainLabels.projectionAssumption
        model["schedules"] = usedSchedules().map(scheduleModel)
        model["downloads"] = dataDownloads(root: root)
        model["dataFiles"] = [("cpts.csv", "une ligne par CPTS", SpreadsheetCSV.cptsColumns),
                              ("indicators.csv", "une ligne par indicateur et par année de contrat de chaque CPTS",
                               SpreadsheetCSV.indicatorColumns)].map { file, rows, columns in
            ["file": file, "rows": rows, "columns": columns.map { ["header": $0.header, "meaning": $0.meaning] }] as [String: Any]
        }
        return model
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

    func scheduleModel(_ schedule: FundingSchedule) -> [String: Any] {
        let tranches = trancheRanges(schedule)
        // Where the lines add up to something else than a published maximum (the two rows at the table's foot),
        // it is said once, under the table: the unverified lines are the ones to check.
        let gaps = (1...4).filter { number in
            schedule.publishedMaxima?.amounts[number].map { $0 != schedule.sumOfLines(SizeTranche(number: number)) } ?? false
        }
        var lines: [[String: Any]] = [line(FundingPart.operation.label, schedule.operation)]
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
        lines.append([
            "name": schedule.operationRaise == nil ? "Total des lignes, toutes missions" : "Total des lignes, toutes missions, majoration comprise",
            "amounts": (1...4).map { FrenchFormat.euros(schedule.sumOfLines(SizeTranche(number: $0))) },
            "status": false, "source": false,
        ])
        if let maxima = schedule.publishedMaxima {
            lines.append([
                "name": "Maximum annuel publié",
                "amounts": (1...4).map { maxima.amounts[$0].map { FrenchFormat.euros($0) } ?? "non publié" },
                "status": false, "source": maxima.source ?? false,
            ])
        }
        if let aid = schedule.letterOfIntentAid {
            lines.append(line("Aide au stade de la lettre d’intention", aid))
        }
        // The unsure statuses the lines carry, to name them in the note.
        let unsure = ["to-verify", "estimated"].compactMap(DomainLabels.scheduleStatuses.knownLabel)
            .filter { label in lines.contains { $0["status"] as? String == label } }.map { "«\u{202F}\($0)\u{202F}»" }
        let gapNote = gaps.isEmpty ? nil
            : "La somme des lignes s’écarte du maximum annuel publié en " + (gaps.count == 1 ? "tranche " : "tranches ")
            + gaps.map(String.init).joined(separator: ", ")
            + (unsure.isEmpty ? "." : "\u{202F}: les lignes " + unsure.joined(separator: " et ") + " sont à confirmer.")
        return present([
            "id": schedule.id,
            "label": schedule.label,
            "source": schedule.source,
            "effective": schedule.effective.map { FrenchFormat.shortDate($0) },
            "signed": schedule.signed.map { FrenchFormat.shortDate($0) },
            "tranches": tranches.enumerated().map { ["number": String($0.offset + 1), "range": $0.element] },
            "lines": lines,
            "gap": gapNote,
        ])
    }

    func line(_ name: String, _ line: ScheduleLine, fallbackStatus: String? = nil, fallbackSource: String? = nil) -> [String: Any] {
        present([
            "name": name,
            "amounts": line.amounts.map { FrenchFormat.euros($0) },
            // Every row has every key (false when empty): a name missing in a row would be looked up at the root.
            "status": (line.status ?? fallbackStatus).flatMap(DomainLabels.scheduleStatuses.knownLabel) ?? false,
            "source": line.source ?? fallbackSource ?? false,
        ])
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

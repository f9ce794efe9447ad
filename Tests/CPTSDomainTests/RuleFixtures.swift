@testable import CPTSDomain

/// Small in-memory content for rule tests: no files, so every rule runs in microseconds.
enum RuleFixtures {
    static func at(_ file: String = "content/cpts/test.md", _ line: Int = 1, _ column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    static func cpts(slug: String = "test", name: String = "CPTS de test", department: String = "37",
                     population: Int? = 50_000, communes: [String] = [], stage: Stage = .healthProject,
                     dates: [Stage: String] = [.healthProject: "2019-06-01"],
                     missions: [(id: String, start: String?)] = [], deployed: [String: String] = [:]) -> CPTS {
        let file = "content/cpts/\(slug).md"
        return CPTS(
            slug: Located(slug, at: at(file)), file: file, name: name,
            department: Located(department, at: at(file, 3, 13)),
            population: population.map { Located($0, at: at(file, 4, 13)) },
            communes: communes.enumerated().map { Located($1, at: at(file, 5, 12 + 9 * $0)) },
            stage: Located(stage, at: at(file, 6, 8)),
            dates: dates.mapValues { Located(Day(iso: $0)!, at: at(file, 8, 15)) },
            schedule: nil, legalForm: nil, members: [],
            missions: missions.enumerated().map { index, mission in
                MissionEngagement(id: Located(mission.id, at: at(file, 20 + 2 * index, 9)),
                                  start: mission.start.map { Located(Day(iso: $0)!, at: at(file, 21 + 2 * index, 12)) },
                                  deployed: deployed[mission.id].map { Located(Day(iso: $0)!, at: at(file, 22 + 2 * index, 15)) },
                                  actions: [])
            },
            body: "", location: at(file))
    }

    static func schedule2019() -> FundingSchedule {
        func line(_ amounts: [Int]) -> ScheduleLine { ScheduleLine(amounts: amounts, location: at("aci-2019.yaml")) }
        func mission(_ amounts: [Int], extra: [Int]? = nil) -> MissionAmounts {
            MissionAmounts(fixed: line(amounts), variable: line(amounts), extra: extra.map(line), source: nil, status: nil)
        }
        return FundingSchedule(
            id: "aci-2019", label: "ACI 2019", source: "test", file: "aci-2019.yaml",
            tranches: Located([40_000, 80_000, 175_001], at: at("aci-2019.yaml")),
            operation: line([50_000, 60_000, 75_000, 90_000]),
            missions: [
                "acces-soins": mission([15_000, 17_500, 25_000, 30_000], extra: [10_000, 12_000, 15_000, 20_000]),
                "parcours": mission([17_500, 25_000, 35_000, 50_000]),
                "prevention": mission([10_000, 15_000, 17_500, 20_000]),
                "qualite-pertinence": mission([7_500, 10_000, 15_000, 20_000]),
                "accompagnement-professionnels": mission([5_000, 7_500, 10_000, 15_000]),
            ],
            socle: ["acces-soins", "parcours", "prevention"].map { Located($0, at: at("aci-2019.yaml")) })
    }

    /// Avenant 2 as the built-in file gives it, signed 20/12/2021, in force from 01/04/2022 (tranche-1 amounts are
    /// what tests use).
    static func avenant2(raisePaid: OperationRaise.Payment = .yearly) -> FundingSchedule {
        func line(_ amounts: [Int]) -> ScheduleLine { ScheduleLine(amounts: amounts, location: at("aci-avenant-2.yaml")) }
        func mission(_ fixed: [Int], _ variable: [Int], firstYear: [Int]? = nil) -> MissionAmounts {
            MissionAmounts(fixed: line(fixed), variable: line(variable), extra: nil, firstYear: firstYear.map(line),
                           source: nil, status: nil)
        }
        return FundingSchedule(
            id: "aci-avenant-2", label: "ACI avenant 2", source: "test", file: "aci-avenant-2.yaml",
            tranches: Located([40_000, 80_000, 175_001], at: at("aci-avenant-2.yaml")),
            operation: line([50_000, 60_000, 75_000, 90_000]),
            missions: [
                "acces-soins": mission([56_250, 66_400, 90_000, 112_500], [21_000, 24_500, 35_000, 42_000]),
                "parcours": mission([22_500, 32_150, 45_000, 64_300], [22_500, 32_150, 45_000, 64_300]),
                "prevention": mission([10_000, 15_000, 17_500, 20_000], [10_000, 15_000, 17_500, 20_000]),
                "crises-sanitaires": mission([15_000, 18_000, 22_500, 27_000], [0, 0, 0, 0],
                                             firstYear: [30_000, 36_000, 45_000, 54_000]),
            ],
            socle: ["acces-soins", "parcours", "prevention", "crises-sanitaires"].map { Located($0, at: at("aci-avenant-2.yaml")) },
            effective: Day(iso: "2022-04-01"), signed: Day(iso: "2021-12-20"), socleSince: ["crises-sanitaires": Day(iso: "2022-09-03")!],
            operationRaise: OperationRaise(amounts: line([37_500, 45_000, 56_250, 67_500]),
                                           signedBefore: Day(iso: "2021-12-31")!, paid: raisePaid),
            letterOfIntentAid: line([15_000, 17_500, 25_000, 30_000]))
    }

    /// The 2019 schedule dated as the built-in one (in force from 25/08/2019), so that avenant 2 takes over.
    static func dated2019() -> FundingSchedule {
        var schedule = schedule2019()
        schedule.effective = Day(iso: "2019-08-25")
        schedule.signed = Day(iso: "2019-06-20")
        return schedule
    }

    static func content(_ cpts: [CPTS], indicators: [IndicatorFile] = [], communes: [Commune] = [],
                        asOf: String = "2020-12-31", schedules: [FundingSchedule]? = nil) -> SiteContent {
        let region = Region(
            code: "24", name: "Test", population: Located(400_000, at: at("content/region.yaml")),
            populationVintage: "INSEE 2017", plannedTerritories: Located(4, at: at("content/region.yaml")),
            departments: [
                Department(code: "18", name: "Cher", population: Located(250_000, at: at("content/region.yaml")), location: at("content/region.yaml")),
                Department(code: "37", name: "Indre-et-Loire", population: Located(150_000, at: at("content/region.yaml")), location: at("content/region.yaml")),
            ],
            structures: [], milestones: [])
        let settings = SiteSettings(
            title: "Test", publisher: "Test", baseURL: "/", language: "fr", theme: Located("default", at: at("content/site.yaml")), asOf: Day(iso: asOf)!,
            schedule: Located("aci-2019", at: at("content/site.yaml")), allowRawHTML: false, allowUnsafeLinks: false,
            location: at("content/site.yaml"))
        return SiteContent(settings: settings, region: region, cpts: cpts, indicators: indicators, pages: [],
                           communes: Dictionary(uniqueKeysWithValues: communes.map { ($0.code, $0) }),
                           schedules: Dictionary(uniqueKeysWithValues: (schedules ?? [schedule2019()]).map { ($0.id, $0) }))
    }
}

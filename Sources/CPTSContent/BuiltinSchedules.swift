import CPTSDomain
import Foundation

/// The funding schedules shipped with the tool, as YAML data files in the module's resources.
enum BuiltinSchedules {
    static func load(into diagnostics: inout [Diagnostic]) -> [FundingSchedule] {
        diagnostics += parsed.diagnostics
        return parsed.schedules
    }

    /// Read once per process: they never change while it runs (`serve` rebuilds on every save).
    static let parsed: (schedules: [FundingSchedule], diagnostics: [Diagnostic]) = {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Schedules"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return ([], []) }
        var diagnostics: [Diagnostic] = []
        let schedules = names.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { name -> FundingSchedule? in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
            let (schedule, found) = ScheduleReader.read(String(decoding: data, as: UTF8.self),
                                                        path: "(built-in)/schedules/\(name)")
            diagnostics += found
            return schedule
        }
        return (schedules, diagnostics)
    }()
}

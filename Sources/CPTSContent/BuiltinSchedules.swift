import CPTSDomain
import Foundation

/// The funding schedules shipped with the tool, as YAML data files compiled into the binary.
enum BuiltinSchedules {
    /// Every file of Sources/CPTSContent/Schedules/, embedded by SwiftPM (`.embedInCode`, Package.swift): an installed
    /// cpts-site has no resource bundle beside it. A new schedule file goes in this list too; a test checks none is missing.
    static let files: [(name: String, bytes: [UInt8])] = [
        ("aci-2019.yaml", PackageResources.aci_2019_yaml),
        ("aci-avenant-2.yaml", PackageResources.aci_avenant_2_yaml),
    ]

    static func load(into diagnostics: inout [Diagnostic]) -> [FundingSchedule] {
        diagnostics += parsed.diagnostics
        return parsed.schedules
    }

    /// Read once per process: they never change while it runs (`serve` rebuilds on every save).
    static let parsed: (schedules: [FundingSchedule], diagnostics: [Diagnostic]) = {
        var diagnostics: [Diagnostic] = []
        let schedules = files.sorted { $0.name < $1.name }.compactMap { name, bytes -> FundingSchedule? in
            let (schedule, found) = ScheduleReader.read(String(decoding: bytes, as: UTF8.self),
                                                        path: "(built-in)/schedules/\(name)")
            diagnostics += found
            return schedule
        }
        return (schedules, diagnostics)
    }()
}

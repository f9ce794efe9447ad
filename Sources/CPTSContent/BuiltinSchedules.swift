import CPTSDomain
import Foundation

/// The funding schedules shipped with the tool, as YAML data files compiled into the binary.
enum BuiltinSchedules {
    #if CPTS_EMBEDDED_SCHEDULES
    static let embedded = true
    /// Every file of Sources/CPTSContent/Schedules/, embedded by SwiftPM (`.embedInCode`, Package.swift): an installed
    /// cpts-site has no resource bundle beside it. A new schedule file goes in this list too; a test checks none is missing.
    static let files: [(name: String, bytes: [UInt8])] = [
        ("aci-2019.yaml", PackageResources.aci_2019_yaml),
        ("aci-avenant-2.yaml", PackageResources.aci_avenant_2_yaml),
    ]
    #else
    static let embedded = false
    /// The fuzz package (Fuzz/, SwiftPM tools 5.4, which cannot embed resources) copies them into a resource bundle.
    static let files: [(name: String, bytes: [UInt8])] = {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Schedules"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".yaml") }.compactMap { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { (name, [UInt8]($0)) }
        }
    }()
    #endif

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

// swift-tools-version:5.4
// Two libFuzzer targets: ContentFuzzer over the content loader (front matter split, YAML to model, the rules and
// figures, Markdown, reports, page folders, static file names), TemplateFuzzer over the template engine. A package
// of its own so that the main build never needs the sanitizers; `make fuzz` builds it with
//   swift build -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// The modules under test are the main package's own sources, reached through the symbolic links in Sources/
// (the main package publishes no library product to depend on). Tools version 5.4 on purpose: from 5.5 on,
// SwiftPM renames an executable's `main` so that tests can link it, which clashes with libFuzzer's own `main`.
import PackageDescription

// `-package-name`: the sources share `package` declarations across modules, which tools 5.4 does not name itself.
let swift6: [SwiftSetting] = [.unsafeFlags(["-swift-version", "6", "-package-name", "cpts_site_fuzz"])]

let package = Package(
    name: "cpts-site-fuzz",
    targets: [
        .systemLibrary(name: "CMarkGFM", pkgConfig: "libcmark-gfm"),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1"),
        .target(name: "CPTSDomain", swiftSettings: swift6),
        .target(name: "CPTSSync", swiftSettings: swift6),
        .target(name: "CPTSMarkdown", dependencies: ["CMarkGFM", "CPTSSync"], swiftSettings: swift6),
        .target(
            name: "CPTSContent",
            dependencies: ["CPTSDomain", "CPTSMarkdown", "CPTSSync", "CYAML"],
            resources: [.copy("Schedules")],
            // The fuzzer drives the loader's internal entry points (`@testable import`).
            swiftSettings: swift6 + [.unsafeFlags(["-enable-testing"])]
        ),
        .executableTarget(
            name: "ContentFuzzer",
            dependencies: ["CPTSContent", "CPTSDomain", "CPTSMarkdown"],
            swiftSettings: swift6
        ),
        // The template engine, a target of its own: parsing and rendering arbitrary templates with partials.
        .target(name: "CPTSTemplates", swiftSettings: swift6),
        .executableTarget(name: "TemplateFuzzer", dependencies: ["CPTSTemplates"], swiftSettings: swift6),
    ]
)

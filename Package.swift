// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cpts-site",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cpts-site", targets: ["cpts-site"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        // Pinned exactly, as `cpts-site --version` names it (scripts/version.sh).
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        // `serve`: a small HTTP server on Swift concurrency and BSD sockets, no SwiftNIO to build.
        .package(url: "https://github.com/swhitty/FlyingFox.git", exact: "0.27.1"),
    ],
    targets: [
        // libcmark-gfm and its GFM extensions, from Debian's -dev packages.
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libyaml's event parser (Debian libyaml-dev): CPTSContent composes its events into nodes with positions.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // mimalloc's header (Debian libmimalloc-dev), for its version in `cpts-site --version`.
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        // The one system call Swift's Glibc module hides: an atomic swap of two folders.
        .target(name: "CRenameExchange"),
        // The one lock tasks share (a POSIX mutex that ThreadSanitizer sees).
        .target(name: "CPTSSync"),
        // The ACI rules, funding and coverage: pure Swift, no I/O, no dependency.
        .target(name: "CPTSDomain"),
        // Markdown to safe HTML through libcmark-gfm.
        // Renders into the domain's `RenderedText`.
        .target(name: "CPTSMarkdown", dependencies: ["CMarkGFM", "CPTSDomain", "CPTSSync"]),
        // Reads content/ into the domain model, with source positions.
        .target(
            name: "CPTSContent",
            dependencies: ["CPTSDomain", "CPTSMarkdown", "CPTSSync", "CYAML"],
            // Compiled into the binary, so that an installed cpts-site needs no resource folder beside it.
            resources: [.embedInCode("Schedules")],
            swiftSettings: [.define("CPTS_EMBEDDED_SCHEDULES")]
        ),
        // Mustache templates compiled to a node tree and rendered into bytes: no dependency.
        .target(name: "CPTSTemplates"),
        // The pipeline: load → validate → compute → render → write.
        .target(
            name: "CPTSSite",
            dependencies: ["CPTSDomain", "CPTSContent", "CPTSMarkdown", "CRenameExchange", "CPTSTemplates", "CPTSSync",
                           .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox")]
        ),
        // `serve`: rebuilds on every save and reloads the open pages.
        .target(
            name: "CPTSServe",
            dependencies: ["CPTSSite", "CPTSContent", "CPTSDomain", .product(name: "FlyingFox", package: "FlyingFox"),
                           .product(name: "FlyingSocks", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "cpts-site",
            dependencies: [
                "CPTSSite", "CPTSDomain", "CPTSContent", "CPTSServe", "CMarkGFM", "CYAML",
                .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc (Debian libmimalloc-dev) replaces the C library's malloc for the whole process: a build
            // allocates millions of small objects (YAML nodes and strings, rendered pages' buffers), and glibc's
            // allocator took 10–15 % of the time and fragmented at national scale (see README, Performance).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "CPTSDomainTests", dependencies: ["CPTSDomain"]),
        .testTarget(name: "CPTSSyncTests", dependencies: ["CPTSSync"]),
        .testTarget(name: "CPTSMarkdownTests", dependencies: ["CPTSMarkdown", "CPTSDomain"]),
        .testTarget(name: "CPTSContentTests", dependencies: ["CPTSContent", "CPTSDomain", "CYAML"]),
        .testTarget(name: "CPTSTemplatesTests", dependencies: ["CPTSTemplates"]),
        // swift-mustache only for tests: the pages must render byte-identical with it and with CPTSTemplates.
        .testTarget(
            name: "CPTSSiteTests",
            dependencies: [
                "CPTSSite", "CPTSContent", "CPTSDomain", "CPTSMarkdown", "CPTSTemplates",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(name: "CLITests", dependencies: ["cpts-site"]),
    ],
    swiftLanguageModes: [.v6]
)

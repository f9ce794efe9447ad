// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cpts-site",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cpts-site", targets: ["cpts-site"])
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
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
        // The one system call Swift's Glibc module hides: an atomic swap of two folders.
        .target(name: "CRenameExchange"),
        // The ACI rules, funding and coverage: pure Swift, no I/O, no dependency.
        .target(name: "CPTSDomain"),
        // Markdown to safe HTML through libcmark-gfm.
        .target(name: "CPTSMarkdown", dependencies: ["CMarkGFM"]),
        // Reads content/ into the domain model, with source positions.
        .target(
            name: "CPTSContent",
            dependencies: ["CPTSDomain", "CPTSMarkdown", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Schedules")]
        ),
        // The pipeline: load → validate → compute → render → write.
        .target(
            name: "CPTSSite",
            dependencies: [
                "CPTSDomain", "CPTSContent", "CPTSMarkdown", "CRenameExchange",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
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
                "CPTSSite", "CPTSDomain", "CPTSContent", "CPTSServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc (Debian libmimalloc-dev) replaces the C library's malloc for the whole process: a build
            // allocates millions of small objects (Yams nodes, swift-mustache's strings and contexts), and glibc's
            // allocator took 10–15 % of the time and fragmented at national scale (see README, Performance).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "CPTSDomainTests", dependencies: ["CPTSDomain"]),
        .testTarget(name: "CPTSMarkdownTests", dependencies: ["CPTSMarkdown"]),
        .testTarget(name: "CPTSContentTests", dependencies: ["CPTSContent", "CPTSDomain"]),
        .testTarget(name: "CPTSSiteTests", dependencies: ["CPTSSite", "CPTSContent", "CPTSDomain"]),
        .testTarget(name: "CLITests", dependencies: ["cpts-site"]),
    ],
    swiftLanguageModes: [.v6]
)

import Foundation
import XCTest

/// The published folder is always a whole site: a build killed at any moment, or one whose writes fail,
/// leaves the previous site complete and byte-identical, and the next build cleans up after it.
final class AtomicityTests: XCTestCase {
    func testABuildKilledAtAnyMomentLeavesThePreviousSiteWhole() throws {
        let root = try GeneratedSite.make(cpts: 200, for: self)
        XCTAssertEqual(try CLIRunner.run(["build"], in: root).status, 0)
        let previous = try ScratchSite.snapshot(of: root.appendingPathComponent("public"))
        XCTAssertGreaterThan(previous.count, 300)

        // Every page changes, so that the old site and the new one cannot be mistaken for each other.
        let settings = root.appendingPathComponent("content/site.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "title: ", with: "title: Nouveau — ")
        try Data(changed.utf8).write(to: settings)

        let started = Date()
        XCTAssertEqual(try CLIRunner.run(["build", "--output", "reference"], in: root).status, 0)
        let fullBuild = Date().timeIntervalSince(started)
        let next = try ScratchSite.snapshot(of: root.appendingPathComponent("reference"))
        XCTAssertNotEqual(next["index.html"], previous["index.html"])

        // Kill the build at twelve moments spread over its run and a little beyond: before, while and after writing.
        var killedBeforeTheSwap = 0
        for step in 1...12 {
            let process = Process()
            process.executableURL = CLIRunner.executable
            process.arguments = ["build"]
            process.currentDirectoryURL = root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: fullBuild * Double(step) / 10)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // A build that ended before its kill succeeded (a sanitizer halting the process exits non-zero).
            if process.terminationReason == .exit {
                XCTAssertEqual(process.terminationStatus, 0, "the build killed after \(step)/10 of a build time ended by itself, failing")
            }

            let published = try ScratchSite.snapshot(of: root.appendingPathComponent("public"))
            if published == previous {
                killedBeforeTheSwap += 1
                continue
            }
            XCTAssertEqual(published, next, "killed after \(step)/10 of a build time: public/ is neither the old site nor the new one")
            // The new site made it into place: put the old one back for the next try.
            try Data(text.utf8).write(to: settings)
            XCTAssertEqual(try CLIRunner.run(["build"], in: root).status, 0)
            XCTAssertEqual(try ScratchSite.snapshot(of: root.appendingPathComponent("public")), previous)
            try Data(changed.utf8).write(to: settings)
        }
        print("atomicity: \(killedBeforeTheSwap) of 12 kills landed before the swap (a build takes \(fullBuild) s)")
        XCTAssertGreaterThan(killedBeforeTheSwap, 0, "no kill landed during the build (build took \(fullBuild) s)")

        // The next build completes and leaves no private staging folder behind.
        XCTAssertEqual(try CLIRunner.run(["build"], in: root).status, 0)
        XCTAssertEqual(try ScratchSite.snapshot(of: root.appendingPathComponent("public")), next)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".public.") && $0 != ".public.staging" }
        XCTAssertEqual(leftovers, [])
    }

    /// A write that fails half-way (files over 8 KB refused by the system's file size limit, `ulimit -f`)
    /// fails the build with the file named, and the previous site stays as it was.
    func testAWriteFailureLeavesThePreviousSiteByteIdentical() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        let before = try site.snapshot("public")
        try site.write("content/site.yaml", try site.read("content/site.yaml")
            .replacingOccurrences(of: "title: Observatoire de test", with: "title: Observatoire modifié"))

        // SIGXFSZ ignored: the write returns EFBIG instead of killing the process.
        let result = try CLIRunner.run(["-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" build", CLIRunner.executable.path],
                                       in: site.root, program: URL(fileURLWithPath: "/bin/bash"))
        XCTAssertEqual(result.status, 1, result.stderr)
        // In French, at the output folder, the file named and the limit given as the reason.
        XCTAssertTrue(result.stderr.contains("public: error: le fichier «\u{202F}.public.staging/"), result.stderr)
        XCTAssertTrue(result.stderr.contains("» n’a pas pu être écrit\u{202F}: un fichier dépasse la taille permise (limite «\u{202F}ulimit -f\u{202F}»\u{202F}?)"),
                      result.stderr)
        XCTAssertFalse(result.stderr.contains("File too large"), result.stderr)
        XCTAssertEqual(try site.snapshot("public"), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public.") && $0 != ".public.staging" }
        XCTAssertEqual(leftovers, [])
    }

    /// The same when the file that fails is a data file, written as it is made. The limit is computed from what
    /// the build writes: every other file fits under it (the largest, plus a kilobyte for the changed title,
    /// rounded up to the kilobyte), site.json does not. So that site.json outgrows every page whatever the pages
    /// hold, this site's first stage date is moved back twenty years: site.json's monthly coverage series gains
    /// some 240 points, which no single page repeats in full.
    func testAFailureWhileStreamingADataFileLeavesThePreviousSiteByteIdentical() throws {
        let site = try ScratchSite()
        let bourges = try site.read("content/cpts/bourges.md")
        XCTAssertTrue(bourges.contains("letter-of-intent: 2020-10-01"))
        try site.write("content/cpts/bourges.md", bourges.replacingOccurrences(of: "letter-of-intent: 2020-10-01",
                                                                             with: "letter-of-intent: 2000-01-01"))
        let first = try site.run("build")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertFalse(first.stderr.contains("warning:"), first.stderr)
        let before = try site.snapshot("public")
        let others = before.filter { $0.key != "data/site.json" }.values.map(\.count)
        XCTAssertGreaterThan(others.count, 10)
        let limit = (try XCTUnwrap(others.max()) + 1024 + 1023) / 1024
        XCTAssertGreaterThan(try XCTUnwrap(before["data/site.json"]).count, limit * 1024,
                             "site.json must outgrow every other file for this test to prove anything")
        try site.write("content/site.yaml", try site.read("content/site.yaml")
            .replacingOccurrences(of: "title: Observatoire de test", with: "title: Observatoire modifié"))

        let result = try CLIRunner.run(["-c", "trap '' XFSZ; ulimit -f \(limit); exec \"$0\" build", CLIRunner.executable.path],
                                       in: site.root, program: URL(fileURLWithPath: "/bin/bash"))
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("public: error: le fichier «\u{202F}.public.staging/data/site.json\u{202F}» n’a pas pu être écrit\u{202F}: "
            + "un fichier dépasse la taille permise"), result.stderr)
        XCTAssertEqual(try site.snapshot("public"), before)
    }
}

import CPTSMarkdown
import CPTSDomain
import XCTest

/// libcmark-gfm corrupts output when two documents are finished at once (pitfalls.md);
/// the renderer serialises that step. Rendering many documents in parallel must give the serial output.
final class ConcurrentRenderingTests: XCTestCase {
    func testParallelRenderingMatchesSerialRendering() async {
        let documents = (0..<40).map { index in
            String(repeating: """
            # Document \(index)

            | colonne | valeur \(index) |
            |---|---|
            | *a* | **\(index * 7)** |

            - [x] tâche \(index) avec `code` et ~~rature~~ https://example.org/\(index)
            - élément [lien](https://example.org/\(index)) \\* \\_ ~~x~~ www.example.org a@b.fr \(String(repeating: "mot ", count: index % 13))

            """, count: 60)
        }
        let renderer = MarkdownRenderer()
        let serial = documents.map { renderer.render($0) }
        for _ in 0..<5 {
            let parallel = await withTaskGroup(of: (Int, RenderedText).self) { group in
                for (index, document) in documents.enumerated() {
                    group.addTask { (index, renderer.render(document)) }
                }
                var results = [RenderedText?](repeating: nil, count: documents.count)
                for await (index, rendered) in group { results[index] = rendered }
                return results
            }
            for index in documents.indices {
                XCTAssertTrue(parallel[index] == serial[index], "document \(index) differs when rendered in parallel")
            }
        }
    }
}

import CPTSTemplates
@testable import CPTSSite
import XCTest

final class ChartTests: XCTestCase {
    func testBarLengthsAreProportionalToTheirValues() {
        let svg = BarChart(title: "Couverture", description: "Cher : 50 %, Indre : 25 %",
                           bars: [.init(label: "Cher", value: 0.5, text: "50 %"), .init(label: "Indre", value: 0.25, text: "25 %")],
                           maximum: 1).svg()
        // The plot is 640 − 180 − 80 = 380 units wide.
        XCTAssertTrue(svg.contains("<rect class=\"bar\" x=\"180\" y=\"8\" width=\"190\" height=\"20\"/>"), svg)
        XCTAssertTrue(svg.contains("<rect class=\"bar\" x=\"180\" y=\"36\" width=\"95\" height=\"20\"/>"), svg)
        XCTAssertTrue(svg.contains("<title id=\"chart-"), svg)
        XCTAssertTrue(svg.contains(">Cher : 50 %, Indre : 25 %</desc>"), svg)
        XCTAssertTrue(svg.contains("role=\"img\""))
    }

    func testTheCurveMapsItsPointsIntoThePlotArea() {
        let chart = LineChart(title: "Courbe", description: "d", series: [.init(x: 0, y: 0), .init(x: 10, y: 50), .init(x: 20, y: 100)],
                              markers: [.init(x: 20, y: 75, label: "75 % (prévision)", kind: "forecast")],
                              xTicks: [], yMaximum: 100, yLabel: { "\(Int($0)) %" })
        let svg = chart.svg()
        // Plot: x from 56 to 624, y from 248 (0) to 16 (100).
        XCTAssertTrue(svg.contains("points=\"56,248 340,132 624,16\""), svg)
        XCTAssertTrue(svg.contains("<circle cx=\"624\" cy=\"74\" r=\"5\"/>"), svg)
        XCTAssertTrue(svg.contains("text-anchor=\"end\">75 % (prévision)</text>"), svg)
    }

    func testEveryAxisLabelOfThePhoneCurveLiesInsideItsDrawing() throws {
        // "100 %" at 13 units once started left of the drawing (x < 0), read "L00 %" on a phone.
        let chart = LineChart(title: "Courbe", description: "d", series: [.init(x: 0, y: 0), .init(x: 24, y: 0.57)],
                              markers: [], xTicks: [(0, "2019"), (12, "2020"), (24, "2021")], yMaximum: 1,
                              yLabel: { "\(Int(($0 * 100).rounded()))\u{A0}%" })
        let svg = chart.svg(frame: .narrow)
        let texts = try NSRegularExpression(pattern: #"<text class="axis" x="([0-9.-]+)"[^>]* text-anchor="(end|middle)">([^<]+)</text>"#)
            .matches(in: svg, range: NSRange(svg.startIndex..., in: svg))
            .map { match in (x: Double(svg[Range(match.range(at: 1), in: svg)!])!, anchor: String(svg[Range(match.range(at: 2), in: svg)!]),
                             label: String(svg[Range(match.range(at: 3), in: svg)!])) }
        XCTAssertEqual(texts.count, 8, svg)
        for text in texts {
            let width = SVG.textWidth(text.label, fontSize: 13)
            let start = text.anchor == "end" ? text.x - width : text.x - width / 2
            XCTAssertGreaterThanOrEqual(start, 0, "\(text.label) starts left of the drawing")
            XCTAssertLessThanOrEqual(start + width, 300, "\(text.label) ends right of the drawing")
        }
    }

    func testTextInChartsIsEscaped() {
        let svg = BarChart(title: "<script>", description: "a & b", bars: [.init(label: "\"x\"", value: 1, text: "1")], maximum: 1).svg()
        XCTAssertFalse(svg.contains("<script>"))
        XCTAssertTrue(svg.contains("&lt;script&gt;"))
        XCTAssertTrue(svg.contains("a &amp; b"))
        XCTAssertTrue(svg.contains("&quot;x&quot;"))
    }

    func testSVGEscapesTheFiveMarkupCharactersAsTheTemplatesDo() throws {
        let text = "& < > \" '"
        XCTAssertEqual(SVG.escape(text), "&amp; &lt; &gt; &quot; &#39;")
        let template = try TemplateLibrary(templates: ["t": "{{x}}"])
        XCTAssertEqual(SVG.escape(text), try template.render("t", .object(["x": .string(text)])).map { String(decoding: $0.bytes, as: UTF8.self) })
    }

    func testSVGEscapingLeavesOtherTextAsItIs() {
        XCTAssertEqual(SVG.escape(""), "")
        XCTAssertEqual(SVG.escape("Épidémie — 57\u{A0}% 👩‍⚕️"), "Épidémie — 57\u{A0}% 👩‍⚕️")
    }

    func testACombiningMarkAfterAQuoteDoesNotKeepItFromBeingEscaped() {
        XCTAssertEqual(SVG.escape("\"\u{301} onload=x"), "&quot;\u{301} onload=x")
        XCTAssertEqual(SVG.escape("<\u{338}&\u{308}"), "&lt;\u{338}&amp;\u{308}")
    }

    func testAProgressBarFillsItsFractionAndMarksItsSteps() {
        let svg = ProgressBar(label: "Progression", fraction: 0.5, steps: [0.25, 1]).svg()
        XCTAssertTrue(svg.contains("<rect class=\"fill\" x=\"0\" y=\"0\" width=\"100\" height=\"14\"/>"), svg)
        XCTAssertTrue(svg.contains("x1=\"50\" x2=\"50\""), svg)
        XCTAssertTrue(svg.contains("aria-label=\"Progression\""), svg)
    }
}

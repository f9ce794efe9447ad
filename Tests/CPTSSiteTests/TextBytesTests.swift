@testable import CPTSSite
import CPTSDomain
import XCTest

/// The one-pass writers of figures and charts (`TextBytes`) write exactly what the chained interpolations they
/// replaced wrote: each is checked against that former code, kept here as the reference, and on French typography's
/// edge cases.
final class TextBytesTests: XCTestCase {
    let nnbsp = "\u{202F}", nbsp = "\u{A0}"

    // MARK: The former code, as the reference

    static func referenceDecimal(_ value: Double, maximumFractionDigits: Int) -> String {
        let scale = FrenchFormat.pow10(maximumFractionDigits)
        let rounded = (value * Double(scale)).rounded() / Double(scale)
        let whole = Int(rounded.magnitude)
        var fraction = Int(((rounded.magnitude - Double(whole)) * Double(scale)).rounded())
        var fractionDigits = maximumFractionDigits
        while fractionDigits > 0 && fraction % 10 == 0 {
            fraction /= 10
            fractionDigits -= 1
        }
        let sign = rounded < 0 ? "-" : ""
        guard fractionDigits > 0 else { return sign + FrenchFormat.integer(whole) }
        let padded = String(fraction)
        return sign + FrenchFormat.integer(whole) + "," + String(repeating: "0", count: fractionDigits - padded.count) + padded
    }

    static func referenceSVGNumber(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10, fraction = abs(Int(tenths) % 10)
        if fraction == 0 { return String(whole) }
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
    }

    static func referenceProgressBar(label: String, fraction: Double, steps: [Double]) -> String {
        let width = 200.0, height = 14.0
        let filled = max(0, min(1, fraction)) * width
        let n = referenceSVGNumber
        var out = "<svg class=\"progress\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"200\" height=\"14\" role=\"img\" aria-label=\"\(SVG.escape(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<rect class=\"track\" x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\"/>"
        out += "<rect class=\"fill\" x=\"0\" y=\"0\" width=\"\(n(filled))\" height=\"\(n(height))\"/>"
        for step in steps {
            let x = n(max(0, min(1, step)) * width)
            out += "<line class=\"step\" x1=\"\(x)\" x2=\"\(x)\" y1=\"0\" y2=\"\(n(height))\"/>"
        }
        return out + "</svg>"
    }

    static func referenceTrendLine(label: String, points: [(year: Int, value: Double)]) -> String? {
        guard points.count >= 2 else { return nil }
        let values = points.map(\.value)
        let low = values.min() ?? 0, high = values.max() ?? 0
        let span = high > low ? high - low : 1
        let firstYear = Double(points[0].year), lastYear = Double(points[points.count - 1].year)
        let plotWidth = TrendLine.width - 2 * TrendLine.margin, plotHeight = TrendLine.height - 2 * TrendLine.margin
        let n = referenceSVGNumber
        func x(_ year: Int) -> String {
            n(TrendLine.margin + (lastYear > firstYear ? (Double(year) - firstYear) / (lastYear - firstYear) : 0.5) * plotWidth)
        }
        func y(_ value: Double) -> String { n(TrendLine.margin + (high > low ? (high - value) / span : 0.5) * plotHeight) }
        var out = "<svg class=\"trend\" viewBox=\"0 0 \(n(TrendLine.width)) \(n(TrendLine.height))\" width=\"96\" height=\"28\" role=\"img\" aria-label=\"\(SVG.escape(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<polyline class=\"series\" fill=\"none\" points=\"\(points.map { "\(x($0.year)),\(y($0.value))" }.joined(separator: " "))\"/>"
        for (index, point) in points.enumerated() {
            out += "<circle class=\"\(index == points.count - 1 ? "last" : "point")\" cx=\"\(x(point.year))\" cy=\"\(y(point.value))\" r=\"\(index == points.count - 1 ? 3 : 2)\"/>"
        }
        return out + "</svg>"
    }

    /// Values around every edge: zero and minus zero, signs, halves (rounding), thousands, long fractions.
    static let samples: [Double] = [
        0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.049, 0.5, -0.5, 0.95, 0.96, 0.995, 0.999, 1, 1.05, 1.25, 1.5, 1.96,
        2, -1, -1.5, -1.96, 9.95, 12.04, 12.5, 99.95, 999.94, 999.95, 999.99, 1_000, 1_234.5, 1_234.56, -1_234.5,
        12_345.678, 999_999.96, 1_000_000, -2_576_252.25, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 100.0 / 7, 57.1068, 0.571068 * 100,
    ]

    // MARK: Figures

    func testDecimalsAreWrittenAsTheFormerCodeWroteThem() {
        for value in Self.samples {
            for digits in 0...3 {
                XCTAssertEqual(FrenchFormat.decimal(value, maximumFractionDigits: digits),
                               Self.referenceDecimal(value, maximumFractionDigits: digits), "\(value), \(digits)")
            }
        }
    }

    func testAValueRoundedToZeroHasNoSign() {
        XCTAssertEqual(FrenchFormat.decimal(-0.04), "0")
        XCTAssertEqual(FrenchFormat.decimal(-0.0), "0")
        XCTAssertEqual(FrenchFormat.decimal(-0.004, maximumFractionDigits: 2), "0")
        XCTAssertEqual(FrenchFormat.decimal(-0.05), "-0,1")
    }

    func testDecimalsRoundHalfAwayFromZeroAndKeepTheFractionsLeadingZeros() {
        XCTAssertEqual(FrenchFormat.decimal(0.25), "0,3")
        XCTAssertEqual(FrenchFormat.decimal(-0.25), "-0,3")
        XCTAssertEqual(FrenchFormat.decimal(9.96), "10")
        XCTAssertEqual(FrenchFormat.decimal(999.96), "1\(nnbsp)000")
        XCTAssertEqual(FrenchFormat.decimal(1.05, maximumFractionDigits: 2), "1,05")
        XCTAssertEqual(FrenchFormat.decimal(1.005, maximumFractionDigits: 3), "1,005")
        XCTAssertEqual(FrenchFormat.decimal(1.5, maximumFractionDigits: 0), "2")
        XCTAssertEqual(FrenchFormat.decimal(1.10, maximumFractionDigits: 2), "1,1")
    }

    func testDecimalsGroupTheirThousandsButNotTheirFraction() {
        XCTAssertEqual(FrenchFormat.decimal(12_345.678, maximumFractionDigits: 3), "12\(nnbsp)345,678")
        XCTAssertEqual(FrenchFormat.decimal(-1_000_000.5), "-1\(nnbsp)000\(nnbsp)000,5")
    }

    func testPercentagesAreWrittenAsTheFormerCodeWroteThem() {
        for value in Self.samples {
            XCTAssertEqual(FrenchFormat.percent(value / 100), Self.referenceDecimal(value / 100 * 100, maximumFractionDigits: 0) + "\(nbsp)%")
            XCTAssertEqual(FrenchFormat.percent(value / 100, fractionDigits: 1),
                           Self.referenceDecimal(value / 100 * 100, maximumFractionDigits: 1) + "\(nbsp)%")
        }
        XCTAssertEqual(FrenchFormat.percent(0), "0\(nbsp)%")
        XCTAssertEqual(FrenchFormat.percent(-0.125, fractionDigits: 1), "-12,5\(nbsp)%")
        XCTAssertEqual(FrenchFormat.percent(12.5), "1\(nnbsp)250\(nbsp)%")
    }

    func testEurosAreTheIntegerAndANoBreakSpaceBeforeTheSign() {
        for value in [0, 1, -1, 999, 1_000, -1_000, 185_000, 2_576_252, Int.max, Int.min] {
            XCTAssertEqual(FrenchFormat.euros(value), FrenchFormat.integer(value) + "\(nbsp)€")
        }
    }

    func testShortDatesPadTheirDayAndMonthToTwoDigits() {
        XCTAssertEqual(FrenchFormat.shortDate(Day(iso: "2020-01-05")!), "05/01/2020")
        XCTAssertEqual(FrenchFormat.shortDate(Day(iso: "2019-10-10")!), "10/10/2019")
    }

    func testWritersAppendToWhatIsAlreadyWritten() {
        var text = TextBytes(capacity: 8)
        text.append("≥\u{A0}")
        text.append(decimal: 1_234.5, maximumFractionDigits: 1)
        text.append(" ; ")
        text.append(euros: -3_000)
        text.append(" ")
        text.append(shortDate: Day(iso: "2021-03-04")!)
        text.append(" ")
        text.append(plain: -12_345)
        text.append(escaping: " <a & 'b'>")
        XCTAssertEqual(text.string, "≥\(nbsp)1\(nnbsp)234,5 ; -3\(nnbsp)000\(nbsp)€ 04/03/2021 -12345 &lt;a &amp; &#39;b&#39;&gt;")
    }

    // MARK: Charts

    func testSVGNumbersAreWrittenAsTheFormerCodeWroteThem() {
        for value in Self.samples + [-0.06, -0.04, -0.15, -12.34, 199.96, 200, 4, 92, 45.333] {
            XCTAssertEqual(SVG.number(value), Self.referenceSVGNumber(value), "\(value)")
        }
        XCTAssertEqual(SVG.number(-0.06), "-0.1")
        XCTAssertEqual(SVG.number(-0.04), "0")
        XCTAssertEqual(SVG.number(12.34), "12.3")
    }

    func testAProgressBarIsWrittenAsTheFormerCodeWroteIt() {
        let cases: [(String, Double, [Double])] = [
            ("Progression de 57\(nbsp)% de la valeur de référence vers l’objectif le plus haut", 0.571068, [0.2, 0.6, 1]),
            ("Action réalisée", 1, []), ("Action non réalisée", 0, []), ("<b>&'\"", -0.5, [-1, 0.333, 1.5]),
            ("", 1.7, [0.04, 0.9999]),
        ]
        for (label, fraction, steps) in cases {
            XCTAssertEqual(ProgressBar(label: label, fraction: fraction, steps: steps).svg(),
                           Self.referenceProgressBar(label: label, fraction: fraction, steps: steps))
        }
    }

    func testATrendLineIsWrittenAsTheFormerCodeWroteIt() {
        let cases: [[(year: Int, value: Double)]] = [
            [], [(1, 12)], [(1, 183), (2, 146)], [(1, 5), (2, 5), (3, 5)], [(1, 0.5), (3, 12.75), (4, -3), (5, 1_000)],
            [(2, 10), (2, 20)],
        ]
        for points in cases {
            XCTAssertEqual(TrendLine(label: "Évolution\(nnbsp): année\(nbsp)1 <&>", points: points).svg(),
                           Self.referenceTrendLine(label: "Évolution\(nnbsp): année\(nbsp)1 <&>", points: points))
        }
    }

    func testAnIndicatorsProgressBarIsTheBarOfItsLabelAsTheFormerCodeWroteIt() throws {
        let at = SourceLocation(file: "content/indicators/test.yaml", line: 1, column: 1)
        func indicator(_ direction: Direction, value: IndicatorValue) -> Indicator {
            Indicator(id: Located("i", at: at), mission: Located("acces-soins", at: at), label: "i", unit: "patients",
                      direction: Located(direction, at: at), baseline: direction == .done ? nil : 0, value: value,
                      steps: direction == .done ? [RewardStep(threshold: nil, amount: 1_000, location: at)]
                          : [RewardStep(threshold: 50, amount: 1_000, location: at), RewardStep(threshold: 1_000, amount: 2_000, location: at)])
        }
        // Every percentage a label may state, its rounding edges, beyond the target, and an action done or not.
        let values = (0...1_000).map { Double($0) } + [4.99, 5, 5.01, 994.9, 995, 1_500, -20]
        let indicators = values.map { indicator(.up, value: .number($0)) }
            + [indicator(.done, value: .done(true)), indicator(.done, value: .done(false))]
        for indicator in indicators {
            let progress = try XCTUnwrap(IndicatorProgress(indicator))
            XCTAssertEqual(ProgressBar.svg(of: progress),
                           Self.referenceProgressBar(label: progress.label, fraction: progress.fraction, steps: progress.steps))
        }
        let half = try XCTUnwrap(IndicatorProgress(indicator(.up, value: .number(504.9))))
        XCTAssertEqual(half.label, "Progression de 50\(nbsp)% de la valeur de référence vers l’objectif le plus haut")
    }
}

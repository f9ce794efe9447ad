@testable import CPTSContent
import XCTest

/// Whole numbers written as plain digits are read without the standard library's parsers, to the same values.
final class YAMLReaderNumberTests: XCTestCase {
    static let written = ["0", "-0", "007", "-12", "150", "3.5", "1e3", "999999999999999", "1000000000000000",
                          "-999999999999999", "1000000001", "+5", "1_000", "-", "", "12a", " 12", "٣", "0x10", ".5"]

    func testDigitsReadAsTheStandardLibraryReadsThem() {
        for text in Self.written {
            let double = YAMLReader.double(text)
            let expected = Double(text.replacingUnderscores)
            XCTAssertEqual(double, expected, text.debugDescription)
            XCTAssertEqual(double?.sign, expected?.sign, text.debugDescription)
            XCTAssertEqual(YAMLReader.integerValue(text), Int(text.replacingUnderscores).flatMap {
                $0.magnitude <= YAMLReader.largestInteger ? $0 : nil
            }, text.debugDescription)
        }
    }

    func testOnlyOneToFifteenDigitsAfterAnOptionalMinusAreReadAsDigits() {
        XCTAssertEqual(YAMLReader.plainDigits("007"), 7)
        XCTAssertEqual(YAMLReader.plainDigits("-999999999999999"), -999_999_999_999_999)
        for text in ["-0", "1000000000000000", "+5", "1_000", "-", "", "3.5", "٣"] {
            XCTAssertNil(YAMLReader.plainDigits(text), text.debugDescription)
        }
    }
}

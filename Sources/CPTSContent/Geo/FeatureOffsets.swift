/// Where each feature of a GeoJSON text starts, so that a feature's problem points at its line.
///
/// JSONSerialization keeps no positions; this scan follows only strings and brackets, enough to find
/// the elements of the top-level `"features"` array. It runs only when a diagnostic needs it.
enum FeatureOffsets {
    /// Byte offsets of the elements of the top-level object's `"features"` array, in order.
    static func scan(_ bytes: [UInt8]) -> [Int] {
        let quote: UInt8 = 0x22, backslash: UInt8 = 0x5C
        var offsets: [Int] = []
        var depth = 0
        var index = 0
        var lastKey: ArraySlice<UInt8> = []
        var inFeatures = false
        var expectingElement = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case quote:
                let start = index + 1
                index += 1
                while index < bytes.count && bytes[index] != quote {
                    index += bytes[index] == backslash ? 2 : 1
                }
                if inFeatures && depth == 2 && expectingElement {
                    offsets.append(start - 1)
                    expectingElement = false
                }
                if depth == 1 { lastKey = bytes[start..<min(index, bytes.count)] }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if inFeatures && depth == 2 && expectingElement {
                    offsets.append(index)
                    expectingElement = false
                }
                depth += 1
                if depth == 2 && byte == UInt8(ascii: "[") && Array(lastKey) == Array("features".utf8) {
                    inFeatures = true
                    expectingElement = true
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if inFeatures && depth == 1 { return offsets }
            case UInt8(ascii: ","):
                if inFeatures && depth == 2 { expectingElement = true }
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ":"):
                break
            default:
                // A bare value (number, true, false, null) as an element of the array.
                if inFeatures && depth == 2 && expectingElement {
                    offsets.append(index)
                    expectingElement = false
                }
            }
            index += 1
        }
        return offsets
    }
}

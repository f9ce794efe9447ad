import CPTSDomain
import Foundation

/// Reads a GeoJSON `FeatureCollection` of Polygon and MultiPolygon features into `GeoFeature`s.
///
/// Properties: `code` (INSEE code), `nom` or `name`, and for communes `dep` (or `department`).
/// A feature that cannot be read is reported as `geojson-invalid` at its line and left out; the others are kept.
public enum GeoJSONReader {
    /// The features of one GeoJSON text, and what was wrong with it. `file` is the path shown in diagnostics.
    public static func read(_ data: Data, file: String) -> (features: [GeoFeature], diagnostics: [Diagnostic]) {
        let bytes = [UInt8](data)
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            return ([], [.error(.geojsonSyntax(reason: reason(of: error)), at: syntaxLocation(of: error, in: bytes, file: file))])
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let collection = root as? [String: Any], collection["type"] as? String == "FeatureCollection",
            let items = collection["features"] as? [Any]
        else {
            return ([], [.error(.geojsonNotCollection, at: start)])
        }
        var features: [GeoFeature] = []
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        var offsets: [Int]?
        func location(ofFeature index: Int) -> SourceLocation {
            if offsets == nil { offsets = FeatureOffsets.scan(bytes) }
            guard let offsets, index < offsets.count else { return start }
            return position(ofByte: offsets[index], in: bytes, file: file)
        }
        for (index, item) in items.enumerated() {
            let code = ((item as? [String: Any])?["properties"] as? [String: Any]).flatMap { text($0["code"]) }
            do {
                let feature = try readFeature(item)
                guard seen.insert(feature.code).inserted else {
                    diagnostics.append(.error(.geojsonCodeTwice(feature: index + 1, code: feature.code), at: location(ofFeature: index)))
                    continue
                }
                features.append(feature)
            } catch {
                let problem = (error as? Problem)?.problem ?? .notFeature
                diagnostics.append(.error(.geojsonFeature(feature: index + 1, code: code, problem: problem), at: location(ofFeature: index)))
            }
        }
        return (features, diagnostics)
    }

    struct Problem: Error {
        let problem: GeoProblem
        init(_ problem: GeoProblem) { self.problem = problem }
    }

    static func readFeature(_ item: Any) throws -> GeoFeature {
        guard let object = item as? [String: Any], object["type"] as? String == "Feature" else {
            throw Problem(.notFeature)
        }
        guard let properties = object["properties"] as? [String: Any] else { throw Problem(.noProperties) }
        guard let code = text(properties["code"]), !code.isEmpty else { throw Problem(.noCode) }
        let name = text(properties["nom"]) ?? text(properties["name"]) ?? code
        let department = text(properties["dep"]) ?? text(properties["department"])
        guard let geometry = object["geometry"] as? [String: Any] else { throw Problem(.noGeometry) }
        let coordinates = geometry["coordinates"]
        let polygons: [[[GeoPoint]]]
        switch geometry["type"] as? String {
        case "Polygon":
            polygons = [try polygon(coordinates)]
        case "MultiPolygon":
            guard let list = coordinates as? [Any], !list.isEmpty else {
                throw Problem(.multiPolygonEmpty)
            }
            polygons = try list.map(polygon)
        case let other:
            throw Problem(.geometryType(found: other))
        }
        return GeoFeature(code: code, name: name, department: department, polygons: polygons)
    }

    static func polygon(_ value: Any?) throws -> [[GeoPoint]] {
        guard let rings = value as? [Any], !rings.isEmpty else {
            throw Problem(.polygonEmpty)
        }
        return try rings.map(ring)
    }

    static func ring(_ value: Any?) throws -> [GeoPoint] {
        guard let positions = value as? [Any] else { throw Problem(.ringNotArray) }
        var points: [GeoPoint] = []
        points.reserveCapacity(positions.count)
        for position in positions {
            guard let pair = position as? [Any], pair.count >= 2, let longitude = number(pair[0]),
                let latitude = number(pair[1])
            else { throw Problem(.positionInvalid) }
            guard (-180...180).contains(longitude), (-90...90).contains(latitude) else {
                throw Problem(.positionOutOfRange(longitude: longitude, latitude: latitude))
            }
            points.append(GeoPoint(longitude: longitude, latitude: latitude))
        }
        guard points.count >= 4 else { throw Problem(.ringTooShort(count: points.count)) }
        guard points.first == points.last else { throw Problem(.ringNotClosed) }
        return points
    }

    static func number(_ value: Any) -> Double? {
        guard let number = value as? NSNumber, !isBoolean(number) else { return nil }
        return number.doubleValue
    }

    static func text(_ value: Any?) -> String? {
        if let string = value as? String { return string }
        // An integer code (`18`) is accepted as written; a code is never fractional nor a boolean.
        if let number = value as? NSNumber, !isBoolean(number), let integer = value as? Int { return String(integer) }
        return nil
    }

    /// JSONSerialization gives `true` and `false` as NSNumbers that also pass `as? Int` and `is Bool` checks,
    /// as do 0 and 1: only their type encoding (`c`, a C char) tells them apart.
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    /// JSONSerialization says "around character 51" (Linux) or "around line 2, column 7" (Darwin).
    static func syntaxLocation(of error: Error, in bytes: [UInt8], file: String) -> SourceLocation {
        let description = debugDescription(of: error)
        if let line = integer(after: "line ", in: description), let column = integer(after: "column ", in: description) {
            return SourceLocation(file: file, line: line, column: column)
        }
        if let offset = integer(after: "character ", in: description) {
            return position(ofByte: offset, in: bytes, file: file)
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }

    static func reason(of error: Error) -> String {
        let description = debugDescription(of: error)
        guard !description.isEmpty else { return "the JSON parser gave no reason" }
        return description.hasSuffix(".") ? String(description.dropLast()) : description
    }

    static func debugDescription(of error: Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
    }

    static func integer(after marker: String, in text: String) -> Int? {
        guard let range = text.range(of: marker) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    static func position(ofByte offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}

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
            return ([], [.error("geojson-invalid", at: syntaxLocation(of: error, in: bytes, file: file),
                                "not valid JSON: \(reason(of: error))")])
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let collection = root as? [String: Any], collection["type"] as? String == "FeatureCollection",
            let items = collection["features"] as? [Any]
        else {
            return ([], [.error("geojson-invalid", at: start,
                                "expected a GeoJSON FeatureCollection: an object with \"type\": \"FeatureCollection\" and a \"features\" array")])
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
            let label = "feature \(index + 1)" + (code.map { " (code '\($0)')" } ?? "")
            do {
                let feature = try readFeature(item)
                guard seen.insert(feature.code).inserted else {
                    diagnostics.append(.error("geojson-invalid", at: location(ofFeature: index),
                                              "\(label): code '\(feature.code)' appears twice; the second is ignored"))
                    continue
                }
                features.append(feature)
            } catch {
                let message = (error as? Problem)?.message ?? String(describing: error)
                diagnostics.append(.error("geojson-invalid", at: location(ofFeature: index), "\(label): \(message)"))
            }
        }
        return (features, diagnostics)
    }

    struct Problem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    static func readFeature(_ item: Any) throws -> GeoFeature {
        guard let object = item as? [String: Any], object["type"] as? String == "Feature" else {
            throw Problem("expected an object with \"type\": \"Feature\"")
        }
        guard let properties = object["properties"] as? [String: Any] else { throw Problem("has no \"properties\" object") }
        guard let code = text(properties["code"]), !code.isEmpty else { throw Problem("has no \"code\" property") }
        let name = text(properties["nom"]) ?? text(properties["name"]) ?? code
        let department = text(properties["dep"]) ?? text(properties["department"])
        guard let geometry = object["geometry"] as? [String: Any] else { throw Problem("has no \"geometry\" object") }
        let coordinates = geometry["coordinates"]
        let polygons: [[[GeoPoint]]]
        switch geometry["type"] as? String {
        case "Polygon":
            polygons = [try polygon(coordinates)]
        case "MultiPolygon":
            guard let list = coordinates as? [Any], !list.isEmpty else {
                throw Problem("MultiPolygon coordinates must be a non-empty array of polygons")
            }
            polygons = try list.map(polygon)
        case let other:
            throw Problem("geometry type must be Polygon or MultiPolygon, found \(other.map { "'\($0)'" } ?? "none")")
        }
        return GeoFeature(code: code, name: name, department: department, polygons: polygons)
    }

    static func polygon(_ value: Any?) throws -> [[GeoPoint]] {
        guard let rings = value as? [Any], !rings.isEmpty else {
            throw Problem("a polygon must be a non-empty array of rings")
        }
        return try rings.map(ring)
    }

    static func ring(_ value: Any?) throws -> [GeoPoint] {
        guard let positions = value as? [Any] else { throw Problem("a ring must be an array of positions") }
        var points: [GeoPoint] = []
        points.reserveCapacity(positions.count)
        for position in positions {
            guard let pair = position as? [Any], pair.count >= 2, let longitude = number(pair[0]),
                let latitude = number(pair[1])
            else { throw Problem("a position must be an array [longitude, latitude] of numbers") }
            guard (-180...180).contains(longitude), (-90...90).contains(latitude) else {
                throw Problem("position [\(longitude), \(latitude)] is not a WGS84 longitude and latitude")
            }
            points.append(GeoPoint(longitude: longitude, latitude: latitude))
        }
        guard points.count >= 4 else { throw Problem("a ring needs at least 4 positions, found \(points.count)") }
        guard points.first == points.last else { throw Problem("a ring must end where it starts") }
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

import CPTSDomain

/// `geo/communes.csv`: INSEE code, name, department and population of each commune.
/// The header names the columns; INSEE's own names (`code_insee`, `nom`, `dep_code`, `population_municipale`)
/// are accepted so that an official extract can be dropped in as it is.
enum CommunesCSVReader {
    static let columns: [(field: String, names: [String])] = [
        ("code", ["code", "code_insee", "insee"]),
        ("name", ["name", "nom"]),
        ("department", ["department", "dep", "dep_code", "departement"]),
        ("population", ["population", "population_municipale", "pmun"]),
    ]

    static func read(_ text: String, path: String) -> ([String: Commune], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.first else { return ([:], []) }
        let separator: Character = header.contains(";") ? ";" : ","
        let names = header.split(separator: separator, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: " \"").lowercased() }
        var index: [String: Int] = [:]
        for (field, aliases) in columns {
            if let position = names.firstIndex(where: aliases.contains) {
                index[field] = position
            } else {
                diagnostics.append(.error("csv-column-missing", at: SourceLocation(file: path, line: 1, column: 1),
                                          "geo/communes.csv has no '\(field)' column",
                                          note: "expected a header such as: code;name;department;population"))
            }
        }
        guard let code = index["code"], let name = index["name"], let department = index["department"],
            let population = index["population"]
        else { return ([:], diagnostics) }
        var communes: [String: Commune] = [:]
        for (number, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let cells = line.split(separator: separator, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: " \"") }
            let location = SourceLocation(file: path, line: number + 1, column: 1)
            guard cells.count > max(code, name, department, population) else {
                diagnostics.append(.error("csv-row-short", at: location, "row has \(cells.count) cells, fewer than the header"))
                continue
            }
            let raw = cells[population]
            let populationAt = SourceLocation(file: path, line: number + 1, column: CommunesCSVReader.column(of: population, in: line, separator: separator))
            guard let inhabitants = Int(raw) ?? (raw.allSatisfy({ $0.isASCII && $0.isNumber }) && !raw.isEmpty ? Int.max : nil) else {
                diagnostics.append(.error("type-mismatch", at: populationAt,
                                          "population of commune '\(cells[code])' must be a whole number, found '\(raw)'"))
                continue
            }
            guard inhabitants >= 0 else {
                diagnostics.append(.error("value-negative", at: populationAt,
                                          "population of commune '\(cells[code])' must not be negative, not \(raw)"))
                continue
            }
            guard inhabitants <= YAMLReader.largestInteger else {
                diagnostics.append(.error("number-too-large", at: populationAt,
                                          "population of commune '\(cells[code])' is too large: \(raw)",
                                          note: "whole numbers go from -1 000 000 000 to 1 000 000 000"))
                continue
            }
            if communes[cells[code]] != nil {
                diagnostics.append(.error("commune-duplicate", at: location, "commune '\(cells[code])' is listed twice"))
            }
            communes[cells[code]] = Commune(code: cells[code], name: cells[name], department: cells[department],
                                            population: inhabitants)
        }
        return (communes, diagnostics)
    }
}

extension CommunesCSVReader {
    /// The 1-based column (in Unicode scalars) where cell `index` of `line` starts, past its leading blanks and quote.
    static func column(of index: Int, in line: Substring, separator: Character) -> Int {
        var column = 1
        for (position, cell) in line.split(separator: separator, omittingEmptySubsequences: false).enumerated() {
            if position == index {
                return column + cell.unicodeScalars.prefix { $0 == " " || $0 == "\"" }.count
            }
            column += cell.unicodeScalars.count + 1
        }
        return column
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}

import CPTSDomain

/// `geo/communes.csv`: INSEE code, name, department and population of each commune.
/// The header names the columns; INSEE's own names (`code_insee`, `nom`, `dep_code`, `population_municipale`)
/// are accepted so that an official extract can be dropped in as it is, with or without accents and capitals.
enum CommunesCSVReader {
    static let columns: [(field: String, names: [String])] = [
        ("code", ["code", "code_insee", "insee"]),
        ("name", ["name", "nom"]),
        ("department", ["department", "dep", "dep_code", "departement"]),
        ("population", ["population", "population_municipale", "pmun"]),
    ]

    /// The rows in their order: a negative population or a code given twice is kept, for the rules to report
    /// (`ContentRules.communePopulationIsNotNegative`, `communesAreListedOnce`).
    static func read(_ text: String, path: String) -> ([Commune], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard !text.isEmpty else { return ([], []) }
        let separator: Unicode.Scalar = text.prefix { $0 != "\n" }.contains(";") ? ";" : ","
        let parsed = CSVRecords.parse(text, separator: separator, path: path)
        diagnostics += parsed.diagnostics
        guard let header = parsed.records.first else { return ([], diagnostics) }
        // Accents, capitals, spaces and underscores aside: `Département`, `DEPARTEMENT`, `Code INSEE` name columns too.
        let names = header.cells.map { ValueWords.words(of: $0.text).joined(separator: "_") }
        var index: [String: Int] = [:]
        for (field, aliases) in columns {
            if let position = names.firstIndex(where: aliases.contains) {
                index[field] = position
            } else {
                diagnostics.append(.error(.csvColumnMissing(column: field), at: SourceLocation(file: path, line: 1, column: 1)))
            }
        }
        guard let code = index["code"], let name = index["name"], let department = index["department"],
            let population = index["population"]
        else { return ([], diagnostics) }
        var communes: [Commune] = []
        communes.reserveCapacity(parsed.records.count - 1)
        let file = SourceLocation.File(path)
        for record in parsed.records.dropFirst() {
            let cells = record.cells.map(\.text)
            let location = SourceLocation(file: file, line: record.line, column: 1)
            // A cell more or fewer than the header: a separator inside an unquoted name, or a cell forgotten.
            guard cells.count == header.cells.count else {
                let fewer = cells.count < header.cells.count
                diagnostics.append(.error(fewer ? .csvRowShort(cells: cells.count, header: header.cells.count)
                                                : .csvRowLong(cells: cells.count, header: header.cells.count, separator: String(separator)),
                                          at: location))
                continue
            }
            let raw = cells[population]
            let populationAt = SourceLocation(file: file, line: record.cells[population].line,
                                              column: record.cells[population].column)
            guard let inhabitants = Int(raw) ?? (raw.allSatisfy({ $0.isASCII && $0.isNumber }) && !raw.isEmpty ? Int.max : nil) else {
                diagnostics.append(.error(.communePopulationNotWhole(commune: cells[code], written: raw), at: populationAt))
                continue
            }
            guard inhabitants <= YAMLReader.largestInteger else {
                diagnostics.append(.error(.communePopulationTooLarge(commune: cells[code], written: raw), at: populationAt))
                continue
            }
            communes.append(Commune(code: cells[code], name: cells[name], department: cells[department], population: inhabitants,
                                    populationWritten: Located(raw, at: populationAt), location: location))
        }
        return (communes, diagnostics)
    }
}

/// The records of a CSV text as RFC 4180 has them: a field in double quotes may hold the separator, line
/// breaks and doubled quotes (`"Blois; ""Ville"""`). Unquoted fields are trimmed of blanks; blank lines are
/// skipped. A quote left open, or text after a closing quote, is reported at its place.
enum CSVRecords {
    struct Cell {
        var text: String
        /// Where the cell's text starts (past its blanks and opening quote): 1-based line and column in scalars.
        var line: Int
        var column: Int
    }

    struct Record {
        var line: Int
        var cells: [Cell]
    }

    /// The text being read, one scalar ahead, with that scalar's place.
    struct Cursor {
        var scalars: String.UnicodeScalarView.Iterator
        var pending: Unicode.Scalar?
        var line = 1, column = 1

        init(_ text: String) {
            scalars = text.unicodeScalars.makeIterator()
            pending = scalars.next()
        }

        mutating func advance() {
            if pending == "\n" { line += 1; column = 1 } else { column += 1 }
            pending = scalars.next()
        }

        mutating func skipBlanks() {
            while pending == " " || pending == "\t" { advance() }
        }

        /// Appends to `text` what comes before the next separator or line break.
        mutating func read(into text: inout String, upTo separator: Unicode.Scalar) {
            while let scalar = pending, scalar != separator, scalar != "\n" {
                text.unicodeScalars.append(scalar)
                advance()
            }
        }
    }

    static func parse(_ text: String, separator: Unicode.Scalar, path: String) -> (records: [Record], diagnostics: [Diagnostic]) {
        var records: [Record] = []
        var diagnostics: [Diagnostic] = []
        var cursor = Cursor(text)
        while cursor.pending != nil {
            var record = Record(line: cursor.line, cells: [])
            var blank = true
            while true {
                // One field: leading blanks, then quoted or not.
                cursor.skipBlanks()
                if cursor.pending == "\"" {
                    blank = false
                    record.cells.append(quotedCell(&cursor, separator: separator, path: path, diagnostics: &diagnostics))
                } else {
                    var cell = Cell(text: "", line: cursor.line, column: cursor.column)
                    cursor.read(into: &cell.text, upTo: separator)
                    while cell.text.last == " " || cell.text.last == "\t" { cell.text.removeLast() }
                    if !cell.text.isEmpty { blank = false }
                    record.cells.append(cell)
                }
                guard cursor.pending == separator else { break }
                blank = false
                cursor.advance()
            }
            if cursor.pending == "\n" { cursor.advance() }
            if !blank { records.append(record) }
        }
        return (records, diagnostics)
    }

    /// A field in double quotes, the cursor on its opening quote; a quote left open, or text after the closing
    /// one, is reported (that text is kept in the cell).
    static func quotedCell(_ cursor: inout Cursor, separator: Unicode.Scalar, path: String, diagnostics: inout [Diagnostic]) -> Cell {
        let open = SourceLocation(file: path, line: cursor.line, column: cursor.column)
        cursor.advance()
        var cell = Cell(text: "", line: cursor.line, column: cursor.column)
        var closed = false
        while let scalar = cursor.pending {
            cursor.advance()
            if scalar == "\"" {
                if cursor.pending == "\"" { cell.text.unicodeScalars.append("\""); cursor.advance(); continue }
                closed = true
                break
            }
            cell.text.unicodeScalars.append(scalar)
        }
        if !closed {
            diagnostics.append(.error(.csvQuoteUnclosed, at: open))
        }
        cursor.skipBlanks()
        if let scalar = cursor.pending, scalar != separator, scalar != "\n" {
            diagnostics.append(.error(.csvQuoteStray, at: SourceLocation(file: path, line: cursor.line, column: cursor.column)))
            cursor.read(into: &cell.text, upTo: separator)
        }
        return cell
    }
}

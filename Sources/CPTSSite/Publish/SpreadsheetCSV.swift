import CPTSDomain

/// `data/cpts.csv` and `data/indicators.csv` for spreadsheet users: UTF-8 with a byte order mark (so that
/// Excel reads the accents), `;` separators and decimal commas, as French spreadsheets expect.
enum SpreadsheetCSV {
    /// A column of a CSV export: its French header, and what it holds, as the methodology page explains it.
    struct Column: Sendable {
        let header: String
        let meaning: String
    }

    static let cptsColumns: [Column] = [
        Column(header: "Identifiant", meaning: "nom du fichier de la CPTS, qui ne change pas d’une publication à l’autre"),
        Column(header: "Nom", meaning: "nom de la CPTS"),
        Column(header: "Code du département", meaning: "département principal de la CPTS (18, 37…)"),
        Column(header: "Département", meaning: "nom de ce département"),
        Column(header: "Étape", meaning: "dernière étape atteinte à la date des chiffres"),
        Column(header: "Constituée", meaning: "«\u{202F}oui\u{202F}» à partir de la validation du projet de santé"),
        Column(header: "Population", meaning: "population couverte, en habitants"),
        Column(header: "Tranche", meaning: "tranche de taille du barème (1 à 4)"),
        Column(header: "Barème", meaning: "barème de financement du contrat (de sa première année), comme sur la fiche de la CPTS"),
    ] + Stage.allCases.map { Column(header: $0.dateLabel, meaning: "jour/mois/année, vide si l’étape n’est pas datée") } + [
        Column(header: "Dates prévues", meaning: "les colonnes de date de la ligne qui donnent une prévision (une date postérieure à la date des chiffres), pas une étape franchie"),
        Column(header: "Financement maximal de l’année 1 (€)", meaning: "montant maximal de la première année du contrat, en euros"),
        Column(header: "Financement de l’année 1 (€)", meaning: "montant obtenu la première année du contrat, en euros"),
    ]

    static let indicatorColumns: [Column] = [
        Column(header: "Identifiant de la CPTS", meaning: "la colonne «\u{202F}Identifiant\u{202F}» de cpts.csv"),
        Column(header: "Année du contrat", meaning: "1 pour la première année du contrat, 2 pour la deuxième…"),
        Column(header: "Indicateur", meaning: "identifiant de l’indicateur"),
        Column(header: "Mission", meaning: "mission du contrat que l’indicateur mesure"),
        Column(header: "Libellé", meaning: "intitulé de l’indicateur"),
        Column(header: "Unité", meaning: "unité de la valeur, vide pour un simple nombre"),
        Column(header: "Sens", meaning: "«\u{202F}à la hausse\u{202F}», «\u{202F}à la baisse\u{202F}» ou «\u{202F}action réalisée ou non\u{202F}»"),
        Column(header: "Valeur de référence", meaning: "valeur au début du contrat (virgule décimale), ou «\u{202F}secret statistique\u{202F}»"),
        Column(header: "Valeur", meaning: "valeur atteinte, ou «\u{202F}oui\u{202F}» / «\u{202F}non\u{202F}» pour une action, ou «\u{202F}secret statistique\u{202F}» pour un petit nombre de personnes"),
        Column(header: "Montant gagné (€)", meaning: "part variable obtenue grâce à cet indicateur, en euros, une fois l’année du contrat terminée et évaluée\u{202F}; 0 pour un indicateur d’une mission que le barème de cette année ne finance pas, même si un palier est atteint\u{202F}; vide avant"),
    ]

    static func cptsExport(content: SiteContent, figures: SiteFigures) -> Export {
        Export(path: Routes.cptsCSV) { out in
            out.append(contentsOf: byteOrderMark)
            row(cptsColumns.map(\.header), to: &out)
            // Positions sorted, not the CPTS: a CPTS is a large value, copied at each move of a sort.
            let all = content.cpts
            let order = sortedBySlug(all)
            var cells = CPTSRowCells(content: content)
            out.writeCSV { csv in
                for index in order {
                    figures.withFigures(at: index, slug: all[index].slug.value) { cptsRow(all, index, $0, cells: &cells, to: &csv) }
                }
            }
        }
    }

    /// The positions of `all` in the order of their slugs (`String`'s `<`). Content comes in the order of its file
    /// names, which is most often the slugs' order already: one pass tells, and only other orders are sorted.
    static func sortedBySlug(_ all: [CPTS]) -> [Int] {
        var sorted = true
        for index in all.indices.dropFirst() where all[index].slug.value < all[index - 1].slug.value {
            sorted = false
            break
        }
        guard !sorted else { return Array(all.indices) }
        return all.indices.sorted { all[$0].slug.value < all[$1].slug.value }
    }

    /// The line of `all[index]` in `cpts.csv` (its fields and its figures read in place: a CPTS and its figures are
    /// large values to copy).
    private static func cptsRow(_ all: [CPTS], _ index: Int, _ numbers: UnsafePointer<SiteFigures.CPTSFigures>,
                                cells: inout CPTSRowCells, to csv: inout CSVWriter) {
        csv.cell(all[index].slug.value)
        csv.cell(all[index].name)
        csv.cell(all[index].department.value)
        csv.cell(encoded: cells.department(numbers.pointee.department))
        let stage = numbers.pointee.stage
        csv.cell(encoded: cells.stage(stage))
        csv.cell(encoded: stage?.isConstituted == true ? cells.yes : cells.no)
        csv.cell(numbers.pointee.population)
        csv.cell(numbers.pointee.tranche?.number)
        // The schedule the CPTS page names: the one of the contract's first year, else the one in force today.
        csv.cell(encoded: cells.schedule(numbers.pointee.funding?.scheduleID, named: all[index].schedule?.value))
        dateCells(all[index].dates, cells: &cells, to: &csv)
        // The first contract year's figures, read in place in the breakdown's list (`FundingBreakdown.year(1)` copies it).
        let years = numbers.pointee.funding?.years ?? []
        years.withUnsafeBufferPointer { years in
            let first = years.firstIndex { $0.year == 1 }
            csv.cell(first.map { years[$0].maximum })
            csv.cell(first.map { years[$0].total })
        }
        csv.endRow()
    }

    /// The date columns, then « Dates prévues »: the labels of those that are forecasts (after the site's date).
    private static func dateCells(_ dates: [Stage: Located<Day>], cells: inout CPTSRowCells, to csv: inout CSVWriter) {
        let asOf = cells.asOf
        // The columns of the forecast dates, one bit each: the cell of each set of them is encoded once.
        var forecasts = 0
        // The dates read from the dictionary once, into the columns' order, rather than looked up stage by stage.
        cells.days.withUnsafeMutableBufferPointer { days in
            for index in days.indices { days[index] = nil }
            for (stage, date) in dates { days[stage.order] = date.value }
            for index in days.indices {
                csv.cell(days[index])
                if let date = days[index], DateRules.isForthcoming(date, asOf: asOf) { forecasts |= 1 << index }
            }
        }
        csv.cell(encoded: cells.forecasts(forecasts))
    }

    /// A row per indicator and contract year of every CPTS, written as it is made: a million rows at
    /// national scale.
    static func indicatorsExport(content: SiteContent, figures: SiteFigures) -> Export {
        Export(path: Routes.indicatorsCSV) { out in
            out.append(contentsOf: byteOrderMark)
            row(indicatorColumns.map(\.header), to: &out)
            let ledgers = Dictionary(content.cpts.compactMap { cpts in figures[cpts].funding.map { (cpts.slug.value, $0) } },
                                     uniquingKeysWith: { first, _ in first })
            var cells = IndicatorRowCells(secrecy: figures.secrecy)
            let files = content.indicators
            let order = files.indices.sorted { files[$0].slug < files[$1].slug }
            out.writeCSV { csv in
                for index in order { indicatorRows(files[index], ledger: ledgers[files[index].slug], cells: &cells, to: &csv) }
            }
        }
    }

    /// The lines of one CPTS's indicators file, contract year by contract year.
    private static func indicatorRows(_ file: borrowing IndicatorFile, ledger: Ledger?, cells: inout IndicatorRowCells,
                                      to csv: inout CSVWriter) {
        let years = file.contractYears
        let order = years.indices.sorted { years[$0].year.value < years[$1].year.value }
        let slug = encoded(file.slug)
        for yearIndex in order {
            let number = years[yearIndex].year.value
            // The first two cells, the same on every line of the year, encoded once.
            let start = slug + [UInt8(ascii: ";")] + Array(String(number).utf8)
            // From the ledger: earned only once the contract year is assessed.
            var earned = EarnedAmounts(ledger?.year(number))
            years[yearIndex].indicators.withUnsafeBufferPointer { indicators in
                for index in indicators.indices {
                    csv.cell(encoded: start)
                    indicatorCells(indicators, index, earned: &earned, cells: &cells, to: &csv)
                    csv.endRow()
                }
            }
        }
    }

    /// The cells of the line of `indicators[index]` after its CPTS and contract year (its fields read in place, not
    /// copied with the whole indicator).
    private static func indicatorCells(_ indicators: UnsafeBufferPointer<Indicator>, _ index: Int, earned: inout EarnedAmounts,
                                       cells: inout IndicatorRowCells, to csv: inout CSVWriter) {
        let id = indicators[index].id.value
        let unit = indicators[index].unit
        csv.cell(id)
        csv.cell(encoded: cells.mission(indicators[index].mission.value))
        csv.cell(indicators[index].label)
        csv.cell(Self.unit(unit))
        csv.cell(encoded: cells.direction(indicators[index].direction.value))
        // Statistical secrecy: a small count of people is written « secret statistique », never its value.
        if let baseline = indicators[index].baseline { cells.measured(baseline, unit: unit, to: &csv) } else { csv.cell(encoded: []) }
        switch indicators[index].value {
        case .number(let number)?: cells.measured(number, unit: unit, to: &csv)
        case .done(let done)?: csv.cell(encoded: done ? cells.yes : cells.no)
        case nil: csv.cell(encoded: [])
        }
        csv.cell(earned.amount(of: id))
    }

    /// `count` and `number` are how content says "a plain count": no unit.
    static func unit(_ unit: String?) -> String {
        guard let unit, unit != "count", unit != "number" else { return "" }
        return unit
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func value(_ value: IndicatorValue?) -> String {
        switch value {
        case .number(let number)?: decimal(number)
        case .done(let done)?: done ? "oui" : "non"
        case nil: ""
        }
    }

    /// `12.5` → `12,5`; no thousands separator, so that spreadsheets read it as a number.
    static func decimal(_ value: Double) -> String {
        var out = ExportBuffer()
        JSONWriter.writeNumber(value, to: &out, decimalSeparator: UInt8(ascii: ","))
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `+1+1`, `-2+3`, or one starting
    /// with a tab or a carriage return) gets a leading `'`, OWASP's rule against CSV injection; a plain number
    /// (`-12`, `-3,5`, `1e6`) is left as it is, so that it stays a number.
    static func defused(_ cell: String) -> String {
        needsDefusing(cell) ? "'" + cell : cell
    }

    /// Whether `defused(_:)` puts a `'` before `cell`.
    static func needsDefusing(_ cell: String) -> Bool {
        var cell = cell
        return cell.withUTF8 { needsDefusing(utf8: $0) }
    }

    /// `needsDefusing(_:)` of a cell's UTF-8 bytes.
    static func needsDefusing(utf8 cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = cell.first,
            first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
                || first == 0x09 || first == 0x0D
        else { return false }
        return !isPlainNumber(utf8: cell)
    }

    /// `-12`, `+4`, `-3,5`, `2.5`, `-1e6`: an optional sign, digits, an optional decimal part, an optional exponent.
    static func isPlainNumber(_ cell: String) -> Bool {
        var cell = cell
        return cell.withUTF8 { isPlainNumber(utf8: $0) }
    }

    /// `isPlainNumber(_:)` of a cell's UTF-8 bytes.
    static func isPlainNumber(utf8 cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var bytes = cell[...]
        func digits() -> Int {
            let count = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        guard digits() > 0 else { return false }
        if bytes.first == UInt8(ascii: ",") || bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// One line: cells separated by `;`, ended by CR LF.
    static func row(_ cells: [String], to out: inout ExportBuffer) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ";")) }
            append(cell, to: &out)
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// A cell, defused (`defused(_:)`), then quoted when it holds a separator, a quote or a line break
    /// (quotes doubled). Every cell of every CSV export goes through here. Written from the cell's UTF-8 bytes: a
    /// run without a quote is copied in one go.
    static func append(_ text: String, to out: inout some CSVBytes) {
        var text = text
        text.withUTF8 { append(utf8: $0, to: &out) }
    }

    /// `append(_:to:)` of a cell's UTF-8 bytes. Most cells need neither a `'` nor quotes: one pass tells, and the
    /// cell is copied whole.
    static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout some CSVBytes) {
        var quoted = false
        // `;`, `"`, LF and CR are all at most `;`: letters and most punctuation are told apart in one comparison.
        for byte in bytes where byte <= UInt8(ascii: ";") {
            if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
                quoted = true
                break
            }
        }
        let defuse = needsDefusing(utf8: bytes)
        guard quoted || defuse else { out.append(bytes); return }
        if quoted { out.append(UInt8(ascii: "\"")) }
        if defuse { out.append(UInt8(ascii: "'")) }
        guard quoted else { out.append(bytes); return }
        var run = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\"") {
            // The run up to this quote, the quote included, then the quote again.
            out.append(UnsafeBufferPointer(rebasing: bytes[run...index]))
            out.append(UInt8(ascii: "\""))
            run = index + 1
        }
        if run < bytes.count { out.append(UnsafeBufferPointer(rebasing: bytes[run...])) }
        out.append(UInt8(ascii: "\""))
    }

    /// The bytes `append(_:to:)` writes for `text`: a cell that repeats from line to line, encoded once.
    static func encoded(_ text: String) -> [UInt8] {
        var out = ExportBuffer()
        append(text, to: &out)
        return out.bytes
    }
}

/// Where `SpreadsheetCSV.append` writes a cell's bytes: an `ExportBuffer`, or a `CSVWriter`'s pending bytes.
protocol CSVBytes {
    mutating func append(_ byte: UInt8)
    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>)
}

extension ExportBuffer: CSVBytes {}

/// CSV lines written cell by cell, numbers and dates as digits, without an array of cells or a `String` per number:
/// `SpreadsheetCSV.row` of the same cells, byte for byte. The bytes gather in a fixed block (`pending`, lent by
/// `ExportBuffer.writeCSV`) and go on to the `ExportBuffer` a block at a time: a small piece appended to an array
/// costs about a hundred instructions, copied into the block a few.
struct CSVWriter: CSVBytes {
    fileprivate var out: ExportBuffer
    /// Whether the next cell starts a line (no `;` before it).
    private var lineStart = true
    private let pending: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var used = 0
    /// The most bytes a number or a date writes at once into `pending` (`-9223372036854775808`).
    private static let numberRoom = 21
    fileprivate static let pendingCapacity = 16_384

    /// `pending` must outlive the writer, and hold at least `numberRoom` bytes.
    fileprivate init(into out: ExportBuffer, pending: UnsafeMutableBufferPointer<UInt8>) {
        self.out = out
        guard let base = pending.baseAddress, pending.count >= CSVWriter.numberRoom else {
            preconditionFailure("a CSVWriter needs room for a number")
        }
        self.pending = base
        capacity = pending.count
    }

    /// A text cell, defused and quoted as `SpreadsheetCSV.append` does it.
    mutating func cell(_ text: String) {
        separate()
        SpreadsheetCSV.append(text, to: &self)
    }

    /// A cell already encoded (`SpreadsheetCSV.encoded`), or several with their `;`, copied as they are.
    mutating func cell(encoded bytes: [UInt8]) {
        separate()
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// An integer as `String(value)` writes it: a plain number (`-12`) is never defused nor quoted.
    mutating func cell(_ value: Int) {
        separate()
        append(decimal: value)
    }

    /// An integer, or an empty cell.
    mutating func cell(_ value: Int?) {
        separate()
        if let value { append(decimal: value) }
    }

    /// `SpreadsheetCSV.decimal(value)`: a plain number (`-3,5`), or `null` when not finite, neither defused nor quoted.
    mutating func cell(decimal value: Double) {
        separate()
        drain()
        JSONWriter.writeNumber(value, to: &out, decimalSeparator: UInt8(ascii: ","))
    }

    /// `FrenchFormat.shortDate(day)` (`31/12/2019`), or an empty cell.
    mutating func cell(_ day: Day?) {
        separate()
        guard let day else { return }
        guard day.year >= 1000 else {
            drain()
            out.append(digits: day.day, width: 2)
            out.append(UInt8(ascii: "/"))
            out.append(digits: day.month, width: 2)
            out.append(UInt8(ascii: "/"))
            out.append(decimal: day.year)
            return
        }
        // A four-digit year (1000 to 9999), the dates content holds: ten bytes written in place.
        if capacity - used < CSVWriter.numberRoom { drain() }
        let text = pending + used
        text[0] = UInt8(ascii: "0") + UInt8(day.day / 10)
        text[1] = UInt8(ascii: "0") + UInt8(day.day % 10)
        text[2] = UInt8(ascii: "/")
        text[3] = UInt8(ascii: "0") + UInt8(day.month / 10)
        text[4] = UInt8(ascii: "0") + UInt8(day.month % 10)
        text[5] = UInt8(ascii: "/")
        var year = day.year
        for index in (6..<10).reversed() {
            text[index] = UInt8(ascii: "0") + UInt8(year % 10)
            year /= 10
        }
        used += 10
    }

    /// Ends the line with CR LF.
    mutating func endRow() {
        append(0x0D)
        append(0x0A)
        lineStart = true
    }

    /// One byte, as it is (no separator).
    mutating func append(_ byte: UInt8) {
        if used == capacity { drain() }
        pending[used] = byte
        used += 1
    }

    /// Bytes, as they are (no separator).
    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        if buffer.count > capacity - used {
            drain()
            guard buffer.count <= capacity else { out.append(buffer); return }
        }
        (pending + used).update(from: base, count: buffer.count)
        used += buffer.count
    }

    /// `ExportBuffer.append(decimal:)`, written in place.
    private mutating func append(decimal value: Int) {
        if capacity - used < CSVWriter.numberRoom { drain() }
        // One digit (a tranche): no count of digits.
        if value >= 0 && value < 10 {
            pending[used] = UInt8(ascii: "0") + UInt8(value)
            used += 1
            return
        }
        if value < 0 {
            pending[used] = UInt8(ascii: "-")
            used += 1
        }
        var magnitude = value.magnitude
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        var position = used + digits
        used = position
        repeat {
            position -= 1
            pending[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
    }

    /// Hands the pending bytes to the `ExportBuffer`.
    fileprivate mutating func drain() {
        guard used > 0 else { return }
        out.append(UnsafeBufferPointer(start: pending, count: used))
        used = 0
    }

    private mutating func separate() {
        if lineStart { lineStart = false } else { append(UInt8(ascii: ";")) }
    }
}

extension ExportBuffer {
    /// Hands the buffer to a `CSVWriter` for `body`, and takes it back with every byte written: one buffer, no copy.
    mutating func writeCSV(_ body: (inout CSVWriter) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: CSVWriter.pendingCapacity) { pending in
            var writer = CSVWriter(into: ExportBuffer(placeholder: ()), pending: pending)
            swap(&self, &writer.out)
            body(&writer)
            writer.drain()
            swap(&self, &writer.out)
        }
    }
}

import CPTSDomain
import CYAML

/// `indicators/<slug>.yaml` decoded straight from libyaml's events into the model, without a `Node` tree (issue #27:
/// composing, walking and freeing a tree per file cost about as much as libyaml's parsing of the heavy bench set).
///
/// It reads a file that `IndicatorsReader` would read without any diagnostic, to the same model; at the first thing
/// that would make one (an unknown, duplicate or missing key, a value of the wrong type, markup in a text, a syntax
/// error, an anchor or alias, a tag…) it gives up and returns nil, and `IndicatorsReader.read` reads the file through
/// the tree: the tree reader stays the one place that words diagnostics, so that they cannot drift apart.
enum IndicatorsEventReader {
    private typealias Irregular = YAMLEvents.Irregular

    /// The file's indicators, or nil when the file is empty or needs a diagnostic (see above).
    static func read(_ yaml: String, path: String, slug: String) -> IndicatorFile? {
        let reader = YAMLReader(path: path)
        return YAMLEvents.read(yaml) { (events) throws(Irregular) -> IndicatorFile in
            try events.next(YAML_STREAM_START_EVENT)
            try events.next(YAML_DOCUMENT_START_EVENT)
            try events.next(YAML_MAPPING_START_EVENT)
            var contractYears: [ContractYearIndicators]?
            // Each label once per file: a contract year repeats the indicators of the year before.
            var labels = InternedTexts()
            while try events.next() != YAML_MAPPING_END_EVENT {
                guard events.isScalar("contractYears"), contractYears == nil else { throw Irregular() }
                try events.next(YAML_SEQUENCE_START_EVENT)
                var years: [ContractYearIndicators] = []
                while try events.next() != YAML_SEQUENCE_END_EVENT {
                    years.append(try contractYear(&events, reader, labels: &labels))
                }
                contractYears = years.tight()
            }
            guard let contractYears else { throw Irregular() }
            try events.next(YAML_DOCUMENT_END_EVENT)
            try events.next(YAML_STREAM_END_EVENT)
            return IndicatorFile(slug: slug, file: path, location: reader.location(line: 1, column: 1),
                                 contractYears: contractYears)
        }
    }

    /// A contract year, from its mapping's start event to its end.
    private static func contractYear(_ events: inout YAMLEvents, _ reader: YAMLReader,
                                     labels: inout InternedTexts) throws(Irregular) -> ContractYearIndicators {
        guard events.type == YAML_MAPPING_START_EVENT else { throw Irregular() }
        var year: YAMLEvents.Scalar?
        var indicators: [Indicator]?
        while try events.next() != YAML_MAPPING_END_EVENT {
            if events.isScalar("year"), year == nil {
                try events.next()
                year = try events.scalar()
            } else if events.isScalar("indicators"), indicators == nil {
                try events.next(YAML_SEQUENCE_START_EVENT)
                var list: [Indicator] = []
                while try events.next() != YAML_SEQUENCE_END_EVENT {
                    list.append(try indicator(&events, reader, labels: &labels))
                }
                indicators = list.tight()
            } else {
                throw Irregular()
            }
        }
        guard let year else { throw Irregular() }
        return ContractYearIndicators(year: Located(try integer(year), at: location(of: year, reader)),
                                      indicators: indicators ?? [])
    }

    /// An indicator, from its mapping's start event to its end.
    private static func indicator(_ events: inout YAMLEvents, _ reader: YAMLReader,
                                  labels: inout InternedTexts) throws(Irregular) -> Indicator {
        guard events.type == YAML_MAPPING_START_EVENT else { throw Irregular() }
        var id, mission, unit, direction, baseline, value: YAMLEvents.Scalar?
        var label: String?
        var steps: [RewardStep]?
        while try events.next() != YAML_MAPPING_END_EVENT {
            if events.isScalar("id") {
                try readScalar(&id, &events)
            } else if events.isScalar("mission") {
                try readScalar(&mission, &events)
            } else if events.isScalar("label") {
                guard label == nil else { throw Irregular() }
                try events.next()
                label = try events.internedText(in: &labels) { (scalar) throws(Irregular) in try text(scalar) }
            } else if events.isScalar("unit") {
                try readScalar(&unit, &events)
            } else if events.isScalar("direction") {
                try readScalar(&direction, &events)
            } else if events.isScalar("baseline") {
                try readNumber(&baseline, &events)
            } else if events.isScalar("value") {
                try readNumber(&value, &events)
            } else if events.isScalar("steps"), steps == nil {
                try events.next(YAML_SEQUENCE_START_EVENT)
                var list: [RewardStep] = []
                while try events.next() != YAML_SEQUENCE_END_EVENT {
                    list.append(try step(&events, reader))
                }
                steps = list.tight()
            } else {
                throw Irregular()
            }
        }
        guard let id, let mission, let label, let direction, let steps else { throw Irregular() }
        guard !direction.isNull, let way = Direction(rawValue: direction.string) else { throw Irregular() }
        let measured: IndicatorValue?
        if let value, !value.isNull {
            if way == .done {
                guard value.style == .plain, let done = YAMLReader.booleanValue(value.string) else { throw Irregular() }
                measured = .done(done)
            } else {
                measured = .number(try number(value))
            }
        } else {
            measured = nil
        }
        return Indicator(
            id: Located(try text(id), at: location(of: id, reader)),
            mission: Located(CPTSReader.missionId(try text(mission)), at: location(of: mission, reader)),
            label: label,
            unit: try unit.map { (unit) throws(Irregular) in try text(unit) },
            direction: Located(way, at: location(of: direction, reader)),
            baseline: try baseline.map { (baseline) throws(Irregular) in try number(baseline) },
            value: measured,
            steps: steps)
    }

    /// The scalar value of a key not given yet.
    private static func readScalar(_ slot: inout YAMLEvents.Scalar?, _ events: inout YAMLEvents) throws(Irregular) {
        guard slot == nil else { throw Irregular() }
        try events.next()
        slot = try events.scalar()
    }

    /// The same for a value read as a number (or, for `value`, a boolean: no digits are one).
    private static func readNumber(_ slot: inout YAMLEvents.Scalar?, _ events: inout YAMLEvents) throws(Irregular) {
        guard slot == nil else { throw Irregular() }
        try events.next()
        slot = try events.numberScalar()
    }

    /// A reward step, from its mapping's start event to its end.
    private static func step(_ events: inout YAMLEvents, _ reader: YAMLReader) throws(Irregular) -> RewardStep {
        guard events.type == YAML_MAPPING_START_EVENT else { throw Irregular() }
        let mark = events.mark
        var threshold, amount: YAMLEvents.Scalar?
        while try events.next() != YAML_MAPPING_END_EVENT {
            if events.isScalar("threshold"), threshold == nil {
                try events.next()
                threshold = try events.numberScalar()
            } else if events.isScalar("amount"), amount == nil {
                try events.next()
                amount = try events.numberScalar()
            } else {
                throw Irregular()
            }
        }
        guard let amount else { throw Irregular() }
        return RewardStep(threshold: try threshold.map { (threshold) throws(Irregular) in try number(threshold) },
                          amount: try integer(amount), location: reader.location(line: mark.line, column: mark.column))
    }

    // The values `YAMLReader` reads without a diagnostic, and only those.

    /// `YAMLReader.text`: a string that is neither null nor blank, without markup.
    private static func text(_ scalar: YAMLEvents.Scalar) throws(Irregular) -> String {
        // A first byte of ASCII other than a space is a first character that is not one (as in `YAMLReader.text`).
        let first = scalar.string.utf8.first ?? 0x20
        let startsWithText = first < 0x80 && first != 0x20 && !(0x09...0x0D).contains(first)
        guard !scalar.isNull, startsWithText || !scalar.string.allSatisfy(\.isWhitespace),
            YAMLReader.markup(in: scalar.string) == nil
        else { throw Irregular() }
        return scalar.string
    }

    /// `YAMLReader.integer`.
    private static func integer(_ scalar: YAMLEvents.Scalar) throws(Irregular) -> Int {
        if let digits = scalar.digits {
            guard digits.magnitude <= YAMLReader.largestInteger else { throw Irregular() }
            return digits
        }
        guard scalar.style == .plain, !scalar.isNull, let value = YAMLReader.integerValue(scalar.string) else { throw Irregular() }
        return value
    }

    /// `YAMLReader.number`.
    private static func number(_ scalar: YAMLEvents.Scalar) throws(Irregular) -> Double {
        // Every whole number of 15 digits or fewer is a `Double` (`YAMLReader.double`).
        if let digits = scalar.digits {
            guard Double(digits).magnitude <= YAMLReader.largestNumber else { throw Irregular() }
            return Double(digits)
        }
        guard scalar.style == .plain, !scalar.isNull, let value = YAMLReader.numberValue(scalar.string) else { throw Irregular() }
        return value
    }

    private static func location(of scalar: YAMLEvents.Scalar, _ reader: YAMLReader) -> SourceLocation {
        reader.location(line: scalar.mark.line, column: scalar.mark.column)
    }
}

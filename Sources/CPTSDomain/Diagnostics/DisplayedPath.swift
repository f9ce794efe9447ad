/// A path as it is shown to a person: a file name may hold a line break (which would forge a diagnostic line)
/// or an escape character (which a terminal would obey). Every path printed goes through `escaping(_:)`.
public enum DisplayedPath {
    /// Control characters written as escapes (`\n`, `\t`, `\r`, `\u{1B}`), and so are the bidirectional
    /// overrides that would show a name reversed; every other character is kept.
    public static func escaping(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: needsEscape) else { return path }
        var shown = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\n": shown += "\\n"
            case "\t": shown += "\\t"
            case "\r": shown += "\\r"
            case _ where needsEscape(scalar): shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// A file name as the system gives it, bytes that are not UTF-8 written as `\x{FF}`, the rest as `escaping`.
    public static func escaping(bytes: [UInt8]) -> String {
        var shown = "", index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : (0xC2..<0xE0).contains(lead) ? 2 : (0xE0..<0xF0).contains(lead) ? 3 : (0xF0..<0xF5).contains(lead) ? 4 : 0
            if length > 0, index + length <= bytes.count,
                let text = String(validating: bytes[index..<(index + length)], as: UTF8.self) {
                shown += escaping(text)
                index += length
            } else {
                shown += "\\x{" + String(lead, radix: 16, uppercase: true) + "}"
                index += 1
            }
        }
        return shown
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }
}

/// Any text bound for a terminal: a content file quoted in a diagnostic (its line under the headline, a YAML value
/// `"\e[2J"` in a message) could otherwise clear the screen, move the cursor or print a forged "0 erreur" line.
/// Every control character a terminal obeys is written as `DisplayedPath` writes it in paths (`\u{1B}`, `\r`):
/// C0 but the tab, DEL, C1, and the bidirectional overrides; an escape sequence is left harmless text once its
/// ESC is written out. Line breaks are kept only where the text is made of lines on purpose.
public enum TerminalText {
    public static func escaping(_ text: String, keepingLineBreaks: Bool = false) -> String {
        func escaped(_ scalar: Unicode.Scalar) -> Bool {
            scalar != "\t" && !(keepingLineBreaks && scalar == "\n") && DisplayedPath.needsEscape(scalar)
        }
        guard text.unicodeScalars.contains(where: escaped) else { return text }
        var shown = ""
        shown.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case _ where !escaped(scalar): shown.unicodeScalars.append(scalar)
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            default: shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return shown
    }
}

extension ContentRules {
    /// `theme:` names a folder under `themes/`: `../content` would load templates and assets from elsewhere.
    @Sendable static func themeIsAFolderName(_ content: SiteContent) -> [Diagnostic] {
        let theme = content.settings.theme
        guard !isPlainFolderName(theme.value) else { return [] }
        return [.error("theme-invalid", at: theme.location, "theme '\(theme.value)' is not a folder name",
                       note: "name a folder of themes/: letters, digits, '.', '_' and '-', not starting with '.'")]
    }

    /// A single path component a person would name a folder: ASCII letters, digits, `.`, `_`, `-`, not
    /// starting with `.` (so neither `.` nor `..`), at most 100 characters.
    public static func isPlainFolderName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != ".", name.unicodeScalars.count <= 100 else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
    }
}

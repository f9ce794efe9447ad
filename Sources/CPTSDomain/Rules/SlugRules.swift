extension ContentRules {
    /// A slug becomes a URL and a folder: lowercase ASCII letters, digits and `-` only.
    public static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    @Sendable static func slugIsURLSafe(_ content: SiteContent) -> [Diagnostic] {
        // A free page's slug is its path under pages/ (`a/b`): each folder of it becomes a URL segment too.
        let slugs = content.cpts.map(\.slug) + content.pages.map(\.slug)
        return slugs.filter { !$0.value.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { isValidSlug(String($0)) } }
            .map { slug in
            .error(.slugInvalid(slug: DisplayedPath.escaping(slug.value), suggested: suggestedSlug(slug.value)), at: slug.location)
        }
    }

    /// A page's slug becomes a top-level folder of the site: `pages/validation.md` would write over the
    /// validation report.
    @Sendable static func pageSlugIsNotReserved(_ content: SiteContent) -> [Diagnostic] {
        content.pages.compactMap { page in
            let top = String(page.slug.value.split(separator: "/").first ?? "")
            guard let owner = SiteRoutes.reserved[top.lowercased()] else { return nil }
            return .error(.slugReserved(slug: top, owner: owner, reserved: SiteRoutes.reserved.keys.sorted()),
                          at: page.slug.location)
        }
    }

    /// Two files whose slugs are equal, or equal but for case, would share a URL.
    @Sendable static func slugsAreUnique(_ content: SiteContent) -> [Diagnostic] {
        var firstFile: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for cpts in content.cpts.sorted(by: { $0.file < $1.file }) {
            let key = cpts.slug.value.lowercased()
            if let first = firstFile[key] {
                diagnostics.append(.error(.slugDuplicate(slug: cpts.slug.value, firstFile: first), at: cpts.slug.location))
            } else {
                firstFile[key] = cpts.file
            }
        }
        return diagnostics
    }

    /// `Sud Lochois é` → `sud-lochois-e`, for the note of an invalid slug.
    static func suggestedSlug(_ slug: String) -> String {
        let folded = slug.lowercased().unicodeScalars.map { scalar -> Character in
            let plain = String(scalar).decomposedASCII
            return plain.first.map { isValidSlug(String($0)) ? $0 : "-" } ?? "-"
        }
        return String(folded).split(separator: "-").joined(separator: "-")
    }
}

extension String {
    /// The first ASCII character of a Latin letter with diacritics (é → e), by a small table.
    var decomposedASCII: String {
        let table: [Character: String] = [
            "à": "a", "â": "a", "ä": "a", "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e",
            "î": "i", "ï": "i", "ô": "o", "ö": "o", "ù": "u", "û": "u", "ü": "u", "ÿ": "y", "œ": "oe", "æ": "ae",
        ]
        return map { table[$0] ?? String($0) }.joined()
    }
}

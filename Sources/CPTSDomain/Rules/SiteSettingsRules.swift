extension ContentRules {
    /// `theme:` names a folder under `themes/`: `../content` would load templates and assets from elsewhere.
    @Sendable static func themeIsAFolderName(_ content: SiteContent) -> [Diagnostic] {
        let theme = content.settings.theme
        guard !isPlainFolderName(theme.value) else { return [] }
        return [.error(.themeInvalid(name: DisplayedPath.escaping(theme.value)), at: theme.location)]
    }

    /// The pages are written in French only: `language: en` would mark French text as English for screen readers.
    @Sendable static func languageIsFrench(_ content: SiteContent) -> [Diagnostic] {
        let settings = content.settings
        guard let location = settings.languageLocation, settings.language != "fr" else { return [] }
        return [.error(.languageUnsupported(language: settings.language), at: location)]
    }

    /// `secrecyThreshold:` hides the counts of people from 1 to it minus one: 0 or 1 hides nothing, a negative number
    /// says nothing sensible (a typo for a threshold?), so it is refused rather than read as "publish everything".
    @Sendable static func secrecyThresholdIsNotNegative(_ content: SiteContent) -> [Diagnostic] {
        let settings = content.settings
        guard let location = settings.secrecyThresholdLocation, settings.secrecyThreshold < 0 else { return [] }
        return [.error(.valueNotPositive(key: "secrecyThreshold", value: settings.secrecyThreshold), at: location)]
    }

    /// `baseURL` starts the absolute URLs of the feed and the sitemap: `javascript:alert(1)//` would reach
    /// feed readers. It must be `http://` or `https://`, a host, then a path without blanks.
    @Sendable static func baseURLIsAbsoluteHTTP(_ content: SiteContent) -> [Diagnostic] {
        guard let location = content.settings.baseURLLocation, !isAbsoluteHTTPURL(content.settings.baseURL) else { return [] }
        return [.error(.baseURLInvalid(url: content.settings.baseURL), at: location)]
    }

    /// `new site` writes `baseURL: https://example.org/`, a placeholder: left as it is, the published sitemap,
    /// robots.txt and feed send search engines and feed readers to example.org. A warning, so that a site just
    /// made builds, and `check --strict` (and `deploy`) refuse it. Only the bare example domains (RFC 2606) at
    /// their root: a path below them (`https://example.org/test/`) is a deliberate test address.
    @Sendable static func baseURLIsNotThePlaceholder(_ content: SiteContent) -> [Diagnostic] {
        guard let location = content.settings.baseURLLocation, let host = placeholderHost(content.settings.baseURL) else { return [] }
        return [.warning(.baseURLPlaceholder(url: content.settings.baseURL, host: host), at: location)]
    }

    /// The example domain `url` points at, when it is only `http(s)://[www.]example.{org,com,net}[/]`.
    static func placeholderHost(_ url: String) -> String? {
        let lowered = url.lowercased()
        guard let scheme = ["https://", "http://"].first(where: lowered.hasPrefix) else { return nil }
        var host = lowered.dropFirst(scheme.count)
        if host.hasSuffix("/") { host = host.dropLast() }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        return ["example.org", "example.com", "example.net"].contains(String(host)) ? String(host) : nil
    }

    /// `http(s)://host[:port][/path]`, the host made of letters, digits, `.`, `-` (or an IPv6 address in
    /// brackets), and no blank or control character anywhere.
    public static func isAbsoluteHTTPURL(_ url: String) -> Bool {
        let lowered = url.lowercased()
        guard let scheme = ["https://", "http://"].first(where: lowered.hasPrefix) else { return false }
        guard url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && !"\"<>\\`{}|^".unicodeScalars.contains($0) })
        else { return false }
        let rest = url.unicodeScalars.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var host = Substring(String(String.UnicodeScalarView(authority)))
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            let inside = host[host.index(after: host.startIndex)..<close]
            guard !inside.isEmpty, inside.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit || $0 == ":" || $0 == "." }) else { return false }
            host = host[host.index(after: close)...]
            guard host.isEmpty || host.hasPrefix(":") else { return false }
        } else {
            let name = host.prefix { $0 != ":" }
            guard !name.isEmpty, !name.hasPrefix("."), !name.hasPrefix("-"),
                name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-") })
            else { return false }
            host = host.dropFirst(name.count)
        }
        // A port, if any: digits only.
        if host.hasPrefix(":") {
            let port = host.dropFirst()
            guard !port.isEmpty, port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(port), number <= 65_535
            else { return false }
        }
        return true
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

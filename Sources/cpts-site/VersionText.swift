import CMarkGFM
import CYAML
#if canImport(CMimalloc)
import CMimalloc
#endif

/// What `cpts-site --version` prints: the version (VERSION, through the generated Version.swift) and the
/// libraries inside the binary. The C libraries report the version actually loaded, the Swift packages the
/// version pinned in Package.swift.
enum VersionText {
    static var text: String {
        var libraries = [("libcmark-gfm", String(cString: cmark_version_string())),
                         ("libyaml", String(cString: yaml_get_version_string()))]
        #if canImport(CMimalloc)
        // MI_MALLOC_VERSION's form: major × 100 + minor × 10 + patch (209 is 2.0.9).
        let mimalloc = Int(mi_version())
        libraries.append(("mimalloc", "\(mimalloc / 100).\(mimalloc % 100 / 10).\(mimalloc % 10)"))
        #endif
        libraries += [("swift-argument-parser", BuildVersions.argumentParser), ("FlyingFox", BuildVersions.flyingFox)]
        // French typography: a narrow no-break space before the colon, as everywhere else.
        return "cpts-site \(BuildVersions.cptsSite)\ncompilé avec\u{202F}:\n"
            + libraries.map { "  \($0.0) \($0.1)" }.joined(separator: "\n")
    }
}

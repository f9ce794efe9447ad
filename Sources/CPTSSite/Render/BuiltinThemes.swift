import Foundation

/// The themes shipped with cpts-site. A site without its own copy of a theme uses these.
public enum BuiltinThemes {
    /// In order: `$CPTS_SITE_THEMES`; `share/cpts-site/themes` beside the folder of the executable (installed:
    /// /usr/bin/cpts-site → /usr/share/cpts-site/themes, and the same in an unpacked tarball); else the `themes/`
    /// folder of the source tree it was built from. Never a path read from content.
    public static var directory: String {
        if let override = ProcessInfo.processInfo.environment["CPTS_SITE_THEMES"], !override.isEmpty { return override }
        if let installed = installedDirectory, FileManager.default.fileExists(atPath: installed) { return installed }
        // Sources/CPTSSite/Render/BuiltinThemes.swift → the repository root.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path
    }

    /// The French user guide that `new site` copies into a site (`GUIDE.md`): installed beside the themes
    /// (`share/cpts-site/guide.md`), else `docs/guide.md` of the source tree.
    public static var guide: String { document("guide.md") }

    /// The French content reference that `new site` copies into a site (`REFERENCE.md`), found like the guide:
    /// `share/cpts-site/reference.md`, else `docs/reference.md` of the source tree.
    public static var reference: String { document("reference.md") }

    /// `name` installed beside the themes (`share/cpts-site/<name>`), else `docs/<name>` of the source tree.
    static func document(_ name: String) -> String {
        if let installed = installedDirectory.map({ URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent(name).path }),
            FileManager.default.fileExists(atPath: installed) {
            return installed
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/" + name).path
    }

    /// `<folder of the executable>/../share/cpts-site/themes`, the executable's symbolic links resolved (a link in
    /// /usr/local/bin to an unpacked tarball's bin/cpts-site finds the tarball's themes).
    static var installedDirectory: String? {
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        return executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/cpts-site/themes").path
    }
}

import Foundation

/// The themes shipped with cpts-site: the `themes/` folder of the source tree it was built from,
/// or `$CPTS_SITE_THEMES`. A site without its own copy of a theme uses these.
public enum BuiltinThemes {
    public static var directory: String {
        if let override = ProcessInfo.processInfo.environment["CPTS_SITE_THEMES"], !override.isEmpty { return override }
        // Sources/CPTSSite/Render/BuiltinThemes.swift → the repository root.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path
    }
}

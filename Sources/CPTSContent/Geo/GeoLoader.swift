import CPTSDomain
import Foundation

/// Reads the optional shapes of `content/geo/`: without them the site simply has no map.
public enum GeoLoader {
    /// Department outlines; properties `code`, `nom`.
    public static let departmentsFile = "departements.geojson"
    /// Commune outlines; properties `code`, `nom`, `dep`.
    public static let communesFile = "communes.geojson"
    /// Larger files are refused rather than read into memory (the whole of France's communes is about 30 MB).
    static let sizeLimit = 64 << 20

    /// The departments and communes of `folder`, each file only if present; `displayFolder` is the folder as
    /// diagnostics show it (`content/geo`).
    /// `files` are the names that may be read (the content loader leaves out symbolic links leading outside).
    public static func load(folder: String, displayFolder: String, files: [String] = [departmentsFile, communesFile])
        -> (departments: [GeoFeature], communes: [GeoFeature], diagnostics: [Diagnostic])
    {
        let (departments, departmentProblems) = files.contains(departmentsFile)
            ? read(departmentsFile, folder: folder, displayFolder: displayFolder) : ([], [])
        let (communes, communeProblems) = files.contains(communesFile)
            ? read(communesFile, folder: folder, displayFolder: displayFolder) : ([], [])
        return (departments, communes, departmentProblems + communeProblems)
    }

    static func read(_ name: String, folder: String, displayFolder: String) -> ([GeoFeature], [Diagnostic]) {
        let path = folder + "/" + name
        let display = displayFolder.isEmpty || displayFolder == "." ? name : displayFolder + "/" + name
        guard FileManager.default.fileExists(atPath: path) else { return ([], []) }
        let location = SourceLocation(file: display, line: 1, column: 1)
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > sizeLimit {
            return ([], [.error(.geoFileTooLarge(size: size, limit: sizeLimit), at: location)])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([], [.error(.geoFileUnreadable(path: display), at: location)])
        }
        return GeoJSONReader.read(data, file: display)
    }
}

import CPTSDomain

extension GeoLoader {
    /// A national content folder's department shapes (`geo/departements.geojson`, optional: the map of the regions),
    /// read as a regional folder's are: a symbolic link leading outside the folder is refused, not followed.
    public static func nationalDepartments(root: String, displayRoot: String? = nil) -> (departments: [GeoFeature], diagnostics: [Diagnostic]) {
        let folder = ContentFolder(root: root, displayRoot: displayRoot ?? root)
        let relative = "geo/" + departmentsFile
        if let problem = folder.linkProblem("geo") ?? folder.linkProblem(relative) { return ([], [problem]) }
        let shapes = load(folder: folder.full("geo"), displayFolder: folder.display("geo"), files: [departmentsFile])
        return (shapes.departments, shapes.diagnostics)
    }
}

/// One shape of `content/geo/*.geojson`: a department or a commune, with its INSEE code.
public struct GeoFeature: Hashable, Sendable {
    /// INSEE code: `37` for a department, `37261` for a commune.
    public var code: String
    public var name: String
    /// For a commune, the code of its department (`dep`); nil for a department.
    public var department: String?
    /// Polygons, each a list of closed rings (the first is the outline, the others holes), each a list of points
    /// whose last point repeats the first.
    public var polygons: [[[GeoPoint]]]

    public init(code: String, name: String, department: String? = nil, polygons: [[[GeoPoint]]]) {
        self.code = code
        self.name = name
        self.department = department
        self.polygons = polygons
    }
}

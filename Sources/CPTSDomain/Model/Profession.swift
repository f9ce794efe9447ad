/// The professions a CPTS counts among its members; their French labels are `DomainLabels.professions`.
public enum Profession {
    public static var ids: [String] { DomainLabels.professions.ids }
}

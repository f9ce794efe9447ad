import CPTSDomain

extension ViewModels {
    /// A department's page: its coverage, its CPTS and their stages.
    func department(_ coverage: DepartmentCoverage, root: String) -> DepartmentPage {
        let members = listed().filter { $0.department == coverage.code }
        return DepartmentPage(
            frame: common(root: root, title: coverage.name),
            department: departmentRow(coverage, root: root),
            cpts: members.map { summary($0, root: root) },
            stages: Stage.allCases.map { stage in
                StageCount(label: stage.label,
                           count: FrenchFormat.integer(coverage.count(at: stage)))
            },
            hasCPTS: !members.isEmpty)
    }
}

struct DepartmentPage: PageModel {
    static let template = "department"
    let frame: PageFrame
    let department: DepartmentRow
    let cpts: [CPTSSummary]
    let stages: [StageCount]
    let hasCPTS: Bool

    static let fields: [TemplateField<Self>] = [
        .inline(\.frame), .object("department", \.department), .list("cpts", \.cpts), .list("stages", \.stages),
        .flag("hasCPTS", \.hasCPTS),
    ]
}

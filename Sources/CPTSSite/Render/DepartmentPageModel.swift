import CPTSDomain

extension ViewModels {
    /// A department's page: its coverage, its CPTS and their stages.
    func department(_ coverage: DepartmentCoverage, root: String) -> [String: Any] {
        var model = common(root: root, title: coverage.name)
        model["department"] = departmentRow(coverage, root: root)
        let members = TerritoryOrder.sorted(content.cpts.filter { $0.department.value == coverage.code })
        model["cpts"] = members.map { summary($0, root: root) }
        model["stages"] = Stage.allCases.map { stage in
            ["label": stage.label, "count": FrenchFormat.integer(coverage.count(at: stage))]
        }
        model["hasCPTS"] = !members.isEmpty
        return model
    }
}

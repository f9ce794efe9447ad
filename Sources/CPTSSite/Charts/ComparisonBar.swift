/// A small horizontal bar chart comparing a territory's figure with its references, as inline SVG.
struct ComparisonBar {
    struct Row {
        let label: String
        let value: Double
        let text: String
        /// The territory's own row, drawn in the accent colour.
        let isTerritory: Bool
    }

    let label: String
    let rows: [Row]

    func svg() -> String {
        // Room for "Département" at the 12 px the theme sets for these labels (the least readable size at 320 px;
        // the chart is drawn at its own size, never scaled), in 280 units: whole in a 320 px screen's 288 px column.
        let width = 280.0, rowHeight = 17.0, labelWidth = 88.0, valueWidth = 64.0
        let maximum = max(rows.map(\.value).max() ?? 0, 1e-9)
        let height = Double(rows.count) * rowHeight + 2
        var out = "<svg class=\"comparison\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\" role=\"img\" aria-label=\"\(SVG.escape(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight + 1
            let length = max(0, row.value / maximum) * (width - labelWidth - valueWidth)
            out += "<text x=\"\(SVG.number(labelWidth - 4))\" y=\"\(SVG.number(y + 12))\" text-anchor=\"end\">\(SVG.escape(row.label))</text>"
            out += "<rect class=\"\(row.isTerritory ? "territory" : "reference")\" fill=\"\(row.isTerritory ? "#00528a" : "#8a9bb0")\" x=\"\(SVG.number(labelWidth))\" y=\"\(SVG.number(y + 2))\" width=\"\(SVG.number(length))\" height=\"\(SVG.number(rowHeight - 5))\"/>"
            out += "<text x=\"\(SVG.number(labelWidth + length + 4))\" y=\"\(SVG.number(y + 12))\">\(SVG.escape(row.text))</text>"
        }
        return out + "</svg>"
    }
}

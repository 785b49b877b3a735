import TreDomain

/// Geometry of the server-drawn SVG charts: the template only places what is computed here, so a
/// chart needs no script and prints as drawn. Every chart has the same numbers as a table beside it.
struct BarChart: Encodable {
    struct Bar: Encodable {
        var label: String
        var valueText: String
        var href: String?
        var labelY: Int
        var barY: Int
        var valueY: Int
        var width: Int
        var valueX: Int
    }

    static let width = 320
    static let rowHeight = 30
    var height: Int
    var bars: [Bar]
    /// x of the target line, when a target is set.
    var targetX: Int?

    /// The largest bars first; a province's 100-odd communes are drawn as their top `limit`, all of them
    /// being in the table beside the chart.
    static let limit = 20

    init(rows: [(label: String, value: Double?, text: String, href: String?)], target: Double?) {
        let plotted = Array(
            rows.filter { $0.value != nil }.enumerated().sorted {
                ($0.element.value ?? 0, -$0.offset) > ($1.element.value ?? 0, -$1.offset)
            }.map(\.element).prefix(Self.limit))
        let largest = max(plotted.compactMap(\.value).max() ?? 0, target ?? 0, 0.000_001)
        let room = Double(Self.width - 70)
        bars = plotted.enumerated().map { index, row in
            let width = Int((room * (row.value ?? 0) / largest).rounded())
            return Bar(
                label: row.label, valueText: row.text, href: row.href, labelY: index * Self.rowHeight + 11,
                barY: index * Self.rowHeight + 15, valueY: index * Self.rowHeight + 24, width: max(width, 1),
                valueX: max(width, 1) + 4)
        }
        height = max(plotted.count * Self.rowHeight, Self.rowHeight)
        targetX = target.map { Int((room * $0 / largest).rounded()) }
    }
}

struct LineChart: Encodable {
    struct Point: Encodable {
        var x: Int
        var y: Int
        var label: String
        var valueText: String
    }

    var width: Int
    var height: Int
    var points: [Point]
    var polyline: String
    var targetY: Int?

    /// A full chart is 320 × 150 with room for labels; a sparkline beside a table row is 100 × 24.
    init(rows: [(label: String, value: Double?, text: String)], target: Double?, width: Int = 320, height: Int = 150) {
        self.width = width
        self.height = height
        let margin = width >= 200 ? 20 : 3
        let largest = max(rows.compactMap(\.value).max() ?? 0, target ?? 0, 0.000_001)
        let top = Double(margin) * 0.75
        let bottom = Double(height - (width >= 200 ? 25 : 3))
        let step = rows.count > 1 ? Double(width - 2 * margin) / Double(rows.count - 1) : 0
        func y(_ value: Double) -> Int { Int((bottom - (bottom - top) * value / largest).rounded()) }
        points = rows.enumerated().compactMap { index, row in
            guard let value = row.value else { return nil }
            return Point(
                x: 20 + Int((step * Double(index)).rounded()), y: y(value), label: row.label, valueText: row.text)
        }
        polyline = points.map { "\($0.x),\($0.y)" }.joined(separator: " ")
        targetY = target.map(y)
    }
}

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

    init(rows: [(label: String, value: Double?, text: String, href: String?)], target: Double?) {
        let plotted = rows.filter { $0.value != nil }
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

    static let width = 320
    static let height = 150
    var points: [Point]
    var polyline: String
    var targetY: Int?

    init(rows: [(label: String, value: Double?, text: String)], target: Double?) {
        let largest = max(rows.compactMap(\.value).max() ?? 0, target ?? 0, 0.000_001)
        let top = 15.0
        let bottom = Double(Self.height - 25)
        let step = rows.count > 1 ? Double(Self.width - 40) / Double(rows.count - 1) : 0
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

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

    /// A tick of the value axis under the bars.
    struct Tick: Encodable {
        var x: Int
        var label: String
    }

    static let width = 320
    static let rowHeight = 30
    /// Room under the bars for the value axis, its ticks and its caption.
    static let axisRoom = 40
    /// The bars' height; the whole drawing is `height`.
    var plotHeight: Int
    var height: Int
    var bars: [Bar]
    /// x of the target line, when a target is set.
    var targetX: Int?
    /// The value axis: its line's y, its ticks (0 and the largest value) and what it measures, when.
    var axisY: Int
    var ticks: [Tick]
    var tickY: Int
    var caption: String
    var captionY: Int

    /// The largest bars first; a province's 100-odd communes are drawn as their top `limit`, all of them
    /// being in the table beside the chart.
    static let limit = 20

    init(
        rows: [(label: String, value: Double?, text: String, href: String?)], target: Double?, caption: String = "",
        language: Language = .vi
    ) {
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
        plotHeight = max(plotted.count * Self.rowHeight, Self.rowHeight)
        height = plotHeight + Self.axisRoom
        targetX = target.map { Int((room * $0 / largest).rounded()) }
        axisY = plotHeight + 2
        tickY = plotHeight + 16
        let top = plotted.compactMap(\.value).max() ?? 0
        ticks =
            [Tick(x: 0, label: axisNumber(0, language))]
            + (top > 0
                ? [Tick(x: Int((room * top / largest).rounded()), label: axisNumber(top, language))]
                : [])
        self.caption = caption
        captionY = plotHeight + 34
    }
}

struct LineChart: Encodable {
    struct Point: Encodable {
        var x: Int
        var y: Int
        var label: String
        var valueText: String
    }

    /// A label on an axis: under a period (x) or beside a value (y).
    struct Tick: Encodable {
        var x: Int
        var y: Int
        var label: String
    }

    var width: Int
    var height: Int
    var points: [Point]
    var polyline: String
    var targetY: Int?
    /// The axes of a full chart (none on a sparkline): where they meet, each period's tick, the value ticks,
    /// and the titles ("Quý, năm 2026" under the periods).
    var left: Int
    var right: Int
    var bottom: Int
    var xTicks: [Tick]
    var yTicks: [Tick]
    var xTitle: String
    var yTitle: String
    var xTitleY: Int

    /// A full chart is 320 × 170 with room for its axes; a sparkline beside a table row is 100 × 24.
    init(
        rows: [(label: String, value: Double?, text: String)], target: Double?, width: Int = 320, height: Int = 170,
        axis: PeriodAxis? = nil, yTitle: String = "", language: Language = .vi
    ) {
        self.width = width
        self.height = height
        let full = width >= 200
        let left = full ? 44 : 3
        let right = full ? 16 : 3
        let largest = max(rows.compactMap(\.value).max() ?? 0, target ?? 0, 0.000_001)
        let top = full ? 16.0 : 2.0
        let bottom = Double(height - (full ? 44 : 3))
        let step = rows.count > 1 ? Double(width - left - right) / Double(rows.count - 1) : 0
        func y(_ value: Double) -> Int { Int((bottom - (bottom - top) * value / largest).rounded()) }
        func x(_ index: Int) -> Int { left + Int((step * Double(index)).rounded()) }
        points = rows.enumerated().compactMap { index, row in
            guard let value = row.value else { return nil }
            return Point(x: x(index), y: y(value), label: row.label, valueText: row.text)
        }
        polyline = points.map { "\($0.x),\($0.y)" }.joined(separator: " ")
        targetY = target.map(y)
        self.left = left
        self.right = width - right
        self.bottom = Int(bottom)
        let labels = axis?.ticks ?? []
        xTicks =
            full
            ? rows.indices.map { Tick(x: x($0), y: Int(bottom) + 16, label: $0 < labels.count ? labels[$0] : "") } : []
        let highest = rows.compactMap(\.value).max() ?? 0
        yTicks =
            full
            ? [Tick(x: left - 4, y: Int(bottom) + 4, label: axisNumber(0, language))]
                + (highest > 0
                    ? [
                        Tick(
                            x: left - 4, y: y(highest) + 4,
                            label: axisNumber(highest, language))
                    ] : []) : []
        xTitle = axis?.title ?? ""
        self.yTitle = yTitle
        xTitleY = Int(bottom) + 36
    }
}

/// What a trend's period axis says: a short tick under each period and a title naming the kind and year
/// ("Quý, năm 2026": Q1 … Q4), so the chart is read without the table beside it.
struct PeriodAxis: Equatable {
    var ticks: [String]
    var title: String

    init(_ periods: [IndicatorPeriod], language: Language) {
        let years = Set(periods.map(\.year)).sorted()
        let year = years.count == 1 ? years[0] : nil
        let kind = periods.first?.kind ?? .year
        ticks = periods.map { period in
            switch period.kind {
            case .year: String(period.year)
            case .quarter: "Q\(period.index)"
            case .halfYear: "H\(period.index)"
            case .month: String(period.index)
            }
        }
        let word: String =
            switch (kind, language) {
            case (.year, .vi): "Năm"
            case (.year, .en): "Year"
            case (.quarter, .vi): "Quý"
            case (.quarter, .en): "Quarter"
            case (.halfYear, .vi): "6 tháng (H1 đầu năm, H2 cuối năm)"
            case (.halfYear, .en): "Half-year"
            case (.month, .vi): "Tháng"
            case (.month, .en): "Month"
            }
        title =
            switch (year, kind, language) {
            case (nil, _, _), (_, .year, _): word
            case (let year?, _, .vi): "\(word), năm \(year)"
            case (let year?, _, .en): "\(word), \(year)"
            }
    }
}

/// A number on a chart's axis: whole numbers without decimals ("5", not "5,0").
func axisNumber(_ value: Double, _ language: Language) -> String {
    value == value.rounded() && abs(value) < 1e12
        ? IndicatorNumberFormat.integer(Int(value), language: language)
        : IndicatorNumberFormat.decimal(value, language: language)
}

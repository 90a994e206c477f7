internal import Foundation

/// A line chart of values over periods, drawn at build time as inline SVG: no script, readable in dark
/// colours and in print (it draws in `currentColor` and the page's accent), with a title and a
/// description that say what it shows. The table beside it is its text alternative.
struct TrendChart {
    struct Point {
        let label: String
        let value: Double?
        /// Met or missed, when there is a target: drawn as a dot or a cross, not by colour alone.
        let met: Bool?
    }

    /// Unique on the page: the chart's title and description are named by it.
    let id: String
    let title: String
    let description: String
    let points: [Point]
    /// A horizontal line, such as the target's percent.
    let target: (value: Double, label: String)?
    /// The values are percentages (0 to 100), or counts from 0.
    let isPercent: Bool
    /// How the axis labels write their numbers.
    let wording: Wording

    private static let (width, height) = (640.0, 220.0)
    /// Room for the axis labels, which stand centred under the first and last points.
    private static let (left, right, top, bottom) = (64.0, 40.0, 16.0, 36.0)

    /// The chart's markup, small as it can be kept readable: a service page has a chart for each
    /// priority, and a catalogue of 10,000 services draws 40,000 of them. The grid is one path, the
    /// labels and points share their group's attributes, and coordinates drop a `.0`.
    var svg: String {
        let values = points.compactMap(\.value) + (target.map { [$0.value] } ?? [])
        let (low, high) = range(of: values)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func x(_ index: Int) -> Double {
            points.count == 1 ? Self.left + plotWidth / 2 : Self.left + plotWidth * Double(index) / Double(points.count - 1)
        }
        func y(_ value: Double) -> Double { Self.top + plotHeight * (1 - (value - low) / max(high - low, 1)) }
        func label(_ value: Double) -> String { isPercent ? wording.percent(value.rounded()) : wording.number(Int(value.rounded())) }
        let (plotLeft, plotRight) = (Self.number(Self.left), Self.number(Self.width - Self.right))

        var svg = #"<svg class="trend" viewBox="0 0 \#(Int(Self.width)) \#(Int(Self.height))" role="img" aria-labelledby="\#(id)-title \#(id)-desc" focusable="false">"#
        svg.reserveCapacity(1_500)
        svg += "\n<title id=\"\(id)-title\">\(XML.escape(title))</title>\n<desc id=\"\(id)-desc\">\(XML.escape(description))</desc>"
        let ticks = ticks(low, high)
        svg += "\n<path class=\"grid\" d=\""
        svg += ticks.map { "M\(plotLeft) \(Self.number(y($0)))H\(plotRight)" }.joined()
        svg += "\"/>\n<g class=\"axis\" text-anchor=\"end\">"
        for tick in ticks {
            svg += "<text x=\"\(Self.number(Self.left - 6))\" y=\"\(Self.number(y(tick) + 4))\">\(label(tick))</text>"
        }
        svg += "</g>"
        if let target {
            let targetY = Self.number(y(target.value))
            svg += "\n<line class=\"target\" x1=\"\(plotLeft)\" x2=\"\(plotRight)\" y1=\"\(targetY)\" y2=\"\(targetY)\"/>"
            svg += "\n<text class=\"target-label\" x=\"\(plotRight)\" y=\"\(Self.number(y(target.value) - 5))\" text-anchor=\"end\">\(XML.escape(target.label))</text>"
        }
        let line = points.indices.compactMap { index in points[index].value.map { "\(Self.number(x(index))),\(Self.number(y($0)))" } }
        if line.count > 1 { svg += "\n<polyline class=\"line\" points=\"\(line.joined(separator: " "))\"/>" }
        svg += "\n<g class=\"axis\" text-anchor=\"middle\">"
        for (index, point) in points.enumerated() {
            svg += "<text x=\"\(Self.number(x(index)))\" y=\"\(Self.number(Self.height - 12))\">\(XML.escape(point.label))</text>"
        }
        svg += "</g>"
        // Met and unjudged points are dots; a missed target is a cross, so that the chart does not rely on colour.
        for met in [true, nil] as [Bool?] {
            let dots = points.indices.filter { points[$0].value != nil && points[$0].met == met }
            guard !dots.isEmpty else { continue }
            svg += "\n<g class=\"point\(met == true ? " met" : "")\">"
            for index in dots {
                svg += "<circle cx=\"\(Self.number(x(index)))\" cy=\"\(Self.number(y(points[index].value!)))\" r=\"5\"/>"
            }
            svg += "</g>"
        }
        let crosses = points.indices.compactMap { index -> String? in
            guard points[index].met == false, let value = points[index].value else { return nil }
            return "M\(Self.number(x(index) - 6)) \(Self.number(y(value) - 6))l12 12m0-12l-12 12"
        }
        if !crosses.isEmpty { svg += "\n<path class=\"point missed\" d=\"\(crosses.joined())\"/>" }
        return svg + "\n</svg>"
    }

    /// A coordinate to one decimal, without a `.0`, and with a point whatever the page's language.
    private static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// The values' span, widened to round numbers: percentages down to the nearest 10 below the lowest
    /// (so small differences near 100 % show), counts from 0.
    private func range(of values: [Double]) -> (Double, Double) {
        guard let lowest = values.min(), let highest = values.max() else { return (0, isPercent ? 100 : 1) }
        if isPercent { return (max(0, (lowest / 10).rounded(.down) * 10 - 10), 100) }
        return (0, max(1, niceStep(highest) * (highest / niceStep(highest)).rounded(.up)))
    }

    private func niceStep(_ span: Double) -> Double {
        let raw = max(span, 1) / 4
        let magnitude = pow(10, log10(raw).rounded(.down))
        return [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
    }

    private func ticks(_ low: Double, _ high: Double) -> [Double] {
        let step = isPercent ? (high - low > 40 ? 20.0 : 10.0) : niceStep(high - low)
        return stride(from: low, through: high + step / 1000, by: step).map { $0 }
    }

}

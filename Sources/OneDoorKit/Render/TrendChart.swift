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
    /// labels and points share their group's attributes, and coordinates drop a `.0`; written as
    /// bytes, numbers included, since text put together piece by piece costs several times more.
    var svg: [UInt8] {
        var lowest = target?.value ?? .infinity, highest = target?.value ?? -.infinity
        var drawn = 0
        for point in points {
            guard let value = point.value else { continue }
            (lowest, highest, drawn) = (min(lowest, value), max(highest, value), drawn + 1)
        }
        let (low, high) = lowest <= highest ? range(lowest, highest) : (0, isPercent ? 100 : 1)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func x(_ index: Int) -> Double {
            points.count == 1 ? Self.left + plotWidth / 2 : Self.left + plotWidth * Double(index) / Double(points.count - 1)
        }
        func y(_ value: Double) -> Double { Self.top + plotHeight * (1 - (value - low) / max(high - low, 1)) }
        func label(_ value: Double) -> String { isPercent ? wording.percent(value.rounded()) : wording.number(Int(value.rounded())) }

        var svg = Markup(capacity: 1_600)
        svg.add("<svg class=\"trend\" viewBox=\"0 0 "); svg.add(Self.width); svg.add(" "); svg.add(Self.height)
        svg.add("\" role=\"img\" aria-labelledby=\""); svg.add(id); svg.add("-title "); svg.add(id); svg.add("-desc\" focusable=\"false\">")
        svg.add("\n<title id=\""); svg.add(id); svg.add("-title\">"); svg.add(xmlEscaping: title)
        svg.add("</title>\n<desc id=\""); svg.add(id); svg.add("-desc\">"); svg.add(xmlEscaping: description); svg.add("</desc>")
        let step = tickStep(low, high)
        svg.add("\n<path class=\"grid\" d=\"")
        for tick in stride(from: low, through: high + step / 1000, by: step) {
            svg.add("M"); svg.add(Self.left); svg.add(" "); svg.add(y(tick)); svg.add("H"); svg.add(Self.width - Self.right)
        }
        svg.add("\"/>\n<g class=\"axis\" text-anchor=\"end\">")
        for tick in stride(from: low, through: high + step / 1000, by: step) {
            svg.add("<text x=\""); svg.add(Self.left - 6); svg.add("\" y=\""); svg.add(y(tick) + 4); svg.add("\">"); svg.add(label(tick)); svg.add("</text>")
        }
        svg.add("</g>")
        if let target {
            svg.add("\n<line class=\"target\" x1=\""); svg.add(Self.left); svg.add("\" x2=\""); svg.add(Self.width - Self.right)
            svg.add("\" y1=\""); svg.add(y(target.value)); svg.add("\" y2=\""); svg.add(y(target.value))
            svg.add("\"/>\n<text class=\"target-label\" x=\""); svg.add(Self.width - Self.right); svg.add("\" y=\""); svg.add(y(target.value) - 5)
            svg.add("\" text-anchor=\"end\">"); svg.add(xmlEscaping: target.label); svg.add("</text>")
        }
        if drawn > 1 {
            svg.add("\n<polyline class=\"line\" points=\"")
            var first = true
            for (index, point) in points.enumerated() {
                guard let value = point.value else { continue }
                if !first { svg.add(" ") }
                svg.point(x(index), y(value))
                first = false
            }
            svg.add("\"/>")
        }
        svg.add("\n<g class=\"axis\" text-anchor=\"middle\">")
        for (index, point) in points.enumerated() {
            svg.add("<text x=\""); svg.add(x(index)); svg.add("\" y=\""); svg.add(Self.height - 12); svg.add("\">"); svg.add(xmlEscaping: point.label); svg.add("</text>")
        }
        svg.add("</g>")
        // Met and unjudged points are dots; a missed target is a cross, so that the chart does not rely on colour.
        for met in [true, nil] as [Bool?] where points.contains(where: { $0.value != nil && $0.met == met }) {
            svg.add(met == true ? "\n<g class=\"point met\">" : "\n<g class=\"point\">")
            for (index, point) in points.enumerated() where point.met == met {
                guard let value = point.value else { continue }
                svg.add("<circle cx=\""); svg.add(x(index)); svg.add("\" cy=\""); svg.add(y(value)); svg.add("\" r=\"5\"/>")
            }
            svg.add("</g>")
        }
        if points.contains(where: { $0.value != nil && $0.met == false }) {
            svg.add("\n<path class=\"point missed\" d=\"")
            for (index, point) in points.enumerated() where point.met == false {
                guard let value = point.value else { continue }
                svg.add("M"); svg.add(x(index) - 6); svg.add(" "); svg.add(y(value) - 6); svg.add("l12 12m0-12l-12 12")
            }
            svg.add("\"/>")
        }
        svg.add("\n</svg>")
        return svg.bytes
    }

    /// A coordinate to one decimal, without a `.0`, and with a point whatever the page's language.
    static func write(_ value: Double, to output: inout [UInt8]) {
        let tenths = Int((value * 10).rounded())
        if tenths < 0 { output.append(UInt8(ascii: "-")) }
        output.appendDigits(of: abs(tenths) / 10)
        if tenths % 10 != 0 {
            output.append(UInt8(ascii: "."))
            output.append(UInt8(ascii: "0") + UInt8(abs(tenths) % 10))
        }
    }

    /// The values' span, from the lowest to the highest, widened to round numbers: percentages down to
    /// the nearest 10 below the lowest (so small differences near 100 % show), counts from 0.
    private func range(_ lowest: Double, _ highest: Double) -> (Double, Double) {
        if isPercent { return (max(0, (lowest / 10).rounded(.down) * 10 - 10), 100) }
        return (0, max(1, niceStep(highest) * (highest / niceStep(highest)).rounded(.up)))
    }

    private func niceStep(_ span: Double) -> Double {
        let raw = max(span, 1) / 4
        let magnitude = pow(10, log10(raw).rounded(.down))
        return [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
    }

    /// The distance between the grid's lines, which run from `low` to `high`.
    private func tickStep(_ low: Double, _ high: Double) -> Double {
        isPercent ? (high - low > 40 ? 20.0 : 10.0) : niceStep(high - low)
    }
}

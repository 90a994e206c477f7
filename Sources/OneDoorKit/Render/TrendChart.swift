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
        let values = points.compactMap(\.value) + (target.map { [$0.value] } ?? [])
        let (low, high) = range(of: values)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func x(_ index: Int) -> Double {
            points.count == 1 ? Self.left + plotWidth / 2 : Self.left + plotWidth * Double(index) / Double(points.count - 1)
        }
        func y(_ value: Double) -> Double { Self.top + plotHeight * (1 - (value - low) / max(high - low, 1)) }
        func label(_ value: Double) -> String { isPercent ? wording.percent(value.rounded()) : wording.number(Int(value.rounded())) }

        var svg: [UInt8] = []
        svg.reserveCapacity(1_600)
        func add(_ text: String) {
            var text = text
            text.withUTF8 { svg.append(contentsOf: $0) }
        }
        func add(_ value: Double) { Self.write(value, to: &svg) }
        func point(_ x: Double, _ y: Double) {
            add(x)
            svg.append(UInt8(ascii: ","))
            add(y)
        }
        add(#"<svg class="trend" viewBox="0 0 \#(Int(Self.width)) \#(Int(Self.height))" role="img" aria-labelledby="\#(id)-title \#(id)-desc" focusable="false">"#)
        add("\n<title id=\""); add(id); add("-title\">"); add(XML.escape(title))
        add("</title>\n<desc id=\""); add(id); add("-desc\">"); add(XML.escape(description)); add("</desc>")
        let ticks = ticks(low, high)
        add("\n<path class=\"grid\" d=\"")
        for tick in ticks {
            add("M"); add(Self.left); add(" "); add(y(tick)); add("H"); add(Self.width - Self.right)
        }
        add("\"/>\n<g class=\"axis\" text-anchor=\"end\">")
        for tick in ticks {
            add("<text x=\""); add(Self.left - 6); add("\" y=\""); add(y(tick) + 4); add("\">"); add(label(tick)); add("</text>")
        }
        add("</g>")
        if let target {
            add("\n<line class=\"target\" x1=\""); add(Self.left); add("\" x2=\""); add(Self.width - Self.right)
            add("\" y1=\""); add(y(target.value)); add("\" y2=\""); add(y(target.value))
            add("\"/>\n<text class=\"target-label\" x=\""); add(Self.width - Self.right); add("\" y=\""); add(y(target.value) - 5)
            add("\" text-anchor=\"end\">\(XML.escape(target.label))</text>")
        }
        let drawn = points.indices.filter { points[$0].value != nil }
        if drawn.count > 1 {
            add("\n<polyline class=\"line\" points=\"")
            for (offset, index) in drawn.enumerated() {
                if offset > 0 { add(" ") }
                point(x(index), y(points[index].value!))
            }
            add("\"/>")
        }
        add("\n<g class=\"axis\" text-anchor=\"middle\">")
        for (index, point) in points.enumerated() {
            add("<text x=\""); add(x(index)); add("\" y=\""); add(Self.height - 12); add("\">"); add(XML.escape(point.label)); add("</text>")
        }
        add("</g>")
        // Met and unjudged points are dots; a missed target is a cross, so that the chart does not rely on colour.
        for met in [true, nil] as [Bool?] {
            let dots = drawn.filter { points[$0].met == met }
            guard !dots.isEmpty else { continue }
            add(met == true ? "\n<g class=\"point met\">" : "\n<g class=\"point\">")
            for index in dots {
                add("<circle cx=\""); add(x(index)); add("\" cy=\""); add(y(points[index].value!)); add("\" r=\"5\"/>")
            }
            add("</g>")
        }
        let crosses = drawn.filter { points[$0].met == false }
        if !crosses.isEmpty {
            add("\n<path class=\"point missed\" d=\"")
            for index in crosses {
                add("M"); add(x(index) - 6); add(" "); add(y(points[index].value!) - 6); add("l12 12m0-12l-12 12")
            }
            add("\"/>")
        }
        add("\n</svg>")
        return svg
    }

    /// A coordinate to one decimal, without a `.0`, and with a point whatever the page's language.
    private static func write(_ value: Double, to output: inout [UInt8]) {
        let tenths = Int((value * 10).rounded())
        if tenths < 0 { output.append(UInt8(ascii: "-")) }
        output.appendDigits(of: abs(tenths) / 10)
        if tenths % 10 != 0 {
            output.append(UInt8(ascii: "."))
            output.append(UInt8(ascii: "0") + UInt8(abs(tenths) % 10))
        }
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

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

    var svg: String {
        let values = points.compactMap(\.value) + (target.map { [$0.value] } ?? [])
        let (low, high) = range(of: values)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func x(_ index: Int) -> Double {
            points.count == 1 ? Self.left + plotWidth / 2 : Self.left + plotWidth * Double(index) / Double(points.count - 1)
        }
        func y(_ value: Double) -> Double { Self.top + plotHeight * (1 - (value - low) / max(high - low, 1)) }
        // Coordinates to one decimal, with a point whatever the page's language.
        func number(_ value: Double) -> String { Wording.english.oneDecimal(value) }
        func label(_ value: Double) -> String { isPercent ? wording.percent(value.rounded()) : wording.number(Int(value.rounded())) }

        var parts = [
            #"<svg class="trend" viewBox="0 0 \#(Int(Self.width)) \#(Int(Self.height))" role="img" aria-labelledby="\#(id)-title \#(id)-desc" focusable="false">"#,
            "<title id=\"\(id)-title\">\(XML.escape(title))</title>",
            "<desc id=\"\(id)-desc\">\(XML.escape(description))</desc>",
        ]
        for tick in ticks(low, high) {
            parts.append(#"<line class="grid" x1="\#(number(Self.left))" x2="\#(number(Self.width - Self.right))" y1="\#(number(y(tick)))" y2="\#(number(y(tick)))"/>"#)
            parts.append(#"<text class="axis" x="\#(number(Self.left - 6))" y="\#(number(y(tick) + 4))" text-anchor="end">\#(label(tick))</text>"#)
        }
        if let target {
            parts.append(#"<line class="target" x1="\#(number(Self.left))" x2="\#(number(Self.width - Self.right))" y1="\#(number(y(target.value)))" y2="\#(number(y(target.value)))"/>"#)
            parts.append(#"<text class="target-label" x="\#(number(Self.width - Self.right))" y="\#(number(y(target.value) - 5))" text-anchor="end">\#(XML.escape(target.label))</text>"#)
        }
        let line = points.indices.compactMap { index in points[index].value.map { "\(number(x(index))),\(number(y($0)))" } }
        if line.count > 1 { parts.append("<polyline class=\"line\" points=\"\(line.joined(separator: " "))\"/>") }
        for (index, point) in points.enumerated() {
            parts.append(#"<text class="axis" x="\#(number(x(index)))" y="\#(number(Self.height - 12))" text-anchor="middle">\#(XML.escape(point.label))</text>"#)
            guard let value = point.value else { continue }
            let (cx, cy) = (number(x(index)), number(y(value)))
            if point.met == false {
                // A cross for a missed target, so that the chart does not rely on colour.
                parts.append(#"<path class="point missed" d="M\#(number(x(index) - 6)) \#(number(y(value) - 6))l12 12m0 -12l-12 12"/>"#)
            } else {
                parts.append(#"<circle class="point\#(point.met == true ? " met" : "")" cx="\#(cx)" cy="\#(cy)" r="5"/>"#)
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
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

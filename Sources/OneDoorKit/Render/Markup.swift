/// HTML or SVG written straight as UTF-8 bytes, for what pages hold by the hundred thousand (a chart's
/// points, a results table's rows), where text put together piece by piece, or values handed to a
/// template, cost several times more. A value of its own rather than an array the writing functions
/// capture, which Swift would keep in a box and check at every append.
struct Markup {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Markup as it is.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Text, with `& < > " '` escaped as a template escapes them.
    mutating func add(escaping text: String) {
        var text = text
        text.withUTF8 { TemplateRenderer.appendEscaped($0, to: &bytes) }
    }

    /// Text, with `& < > " '` written as XML's entities (`XML.escape`), for SVG.
    mutating func add(xmlEscaping text: String) {
        var text = text
        text.withUTF8 { TemplateRenderer.appendEscaped($0, to: &bytes, apostrophe: "&apos;") }
    }

    /// A coordinate (`TrendChart.write`).
    mutating func add(_ value: Double) { TrendChart.write(value, to: &bytes) }

    mutating func point(_ x: Double, _ y: Double) {
        add(x)
        bytes.append(UInt8(ascii: ","))
        add(y)
    }
}

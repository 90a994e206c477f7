/// A JSON value with its object keys in a fixed order, written the same way every time.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in the order given, which is the order written.
    case object([(String, JSONValue)])
    /// A flat object already written on one line (`Row`): a row of a large table, whose cells are not
    /// kept as values.
    case row([UInt8])

    /// The same value written the same way: compared part by part (writing both out costs more, and
    /// `catalogue.json` compares each item's text in every language).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.row(a), .row(b)): a == b
        default: false
        }
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// An object from pairs, leaving out those whose value is nil: optional fields that are not set.
    public static func fields(_ pairs: [(String, JSONValue?)]) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// A flat object written field by field straight into bytes, leaving out the fields that are not
    /// set: `catalogue.json` carries 320,000 measurements at 10,000 measured services, and building each
    /// as an object of values before writing it costs more than writing it.
    struct Row {
        private var bytes: [UInt8] = [UInt8(ascii: "{")]

        init() { bytes.reserveCapacity(256) }

        /// The object, as `writeRow` writes one on a line.
        consuming func finished() -> JSONValue {
            bytes.append(UInt8(ascii: "}"))
            return .row(bytes)
        }

        mutating func add(_ key: StaticString, _ value: String?) {
            guard let value else { return }
            self.key(key)
            JSONValue.writeString(value, to: &bytes)
        }

        mutating func add(_ key: StaticString, _ value: Int?) {
            guard let value else { return }
            self.key(key)
            bytes.appendDigits(of: value)
        }

        mutating func add(_ key: StaticString, number value: Double?) {
            guard let value else { return }
            self.key(key)
            // A level to two places, as a table's rows have them, is written from its hundredths: the
            // text Swift's shortest form gives it (`92.86`, `92.8`, `95`) at a fraction of the cost.
            let hundredths = (value * 100).rounded()
            guard value >= 0, value < 1e13, hundredths / 100 == value else { return JSONValue.number(value).write(to: &bytes, indent: nil) }
            let (whole, part) = (Int(hundredths) / 100, Int(hundredths) % 100)
            bytes.appendDigits(of: whole)
            guard part != 0 else { return }
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(part / 10))
            if part % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(part % 10)) }
        }

        mutating func add(_ key: StaticString, _ value: Bool?) {
            guard let value else { return }
            self.key(key)
            bytes.append(value ? "true" : "false")
        }

        /// A key is a literal that needs no escape.
        private mutating func key(_ key: StaticString) {
            if bytes.count > 1 { bytes.append(", ") }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(key)
            bytes.append("\": ")
        }
    }

    /// A string, or nothing when the text is not set.
    public static func text(_ text: String?) -> JSONValue? { text.map(JSONValue.string) }

    /// A number written as an integer when it is whole.
    public static func number(_ value: Double) -> JSONValue {
        value.rounded() == value && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
    }

    /// The JSON text, indented by two spaces when `pretty`.
    public func serialized(pretty: Bool = true) -> String {
        String(decoding: bytes(pretty: pretty), as: UTF8.self)
    }

    /// The JSON text as UTF-8 bytes.
    public func bytes(pretty: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        write(to: &output, indent: pretty ? 0 : nil)
        return output
    }

    /// Writes the JSON text as if it stood `indent` spaces in (nil: not pretty).
    func write(to output: inout [UInt8], indent: Int?) {
        switch self {
        case .null: output.append("null")
        case let .bool(value): output.append(value ? "true" : "false")
        case let .int(value): output.appendDigits(of: value)
        case let .double(value):
            var text = value.isFinite ? "\(value)" : "null"
            text.withUTF8 { output.append(contentsOf: $0) }
        case let .string(value): JSONValue.writeString(value, to: &output)
        case let .row(written): output += written
        case let .array(values):
            guard !values.isEmpty else { output.append("[]"); return }
            output.append(UInt8(ascii: "["))
            // A list of flat objects is a table: a row a line reads as one, and a service's thousands
            // of measurements make half the bytes.
            let rows = indent != nil && values.allSatisfy(\.isFlatObject)
            for (offset, value) in values.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.newline(&output, indent.map { $0 + 2 })
                if rows { value.writeRow(to: &output) } else { value.write(to: &output, indent: indent.map { $0 + 2 }) }
            }
            JSONValue.newline(&output, indent)
            output.append(UInt8(ascii: "]"))
        case let .object(pairs):
            guard !pairs.isEmpty else { output.append("{}"); return }
            output.append(UInt8(ascii: "{"))
            for (offset, pair) in pairs.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.newline(&output, indent.map { $0 + 2 })
                JSONValue.writeString(pair.0, to: &output)
                output.append(indent == nil ? ":" : ": ")
                pair.1.write(to: &output, indent: indent.map { $0 + 2 })
            }
            JSONValue.newline(&output, indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// An object whose values are neither objects nor lists.
    private var isFlatObject: Bool {
        if case .row = self { return true }
        guard case let .object(pairs) = self else { return false }
        return pairs.allSatisfy { pair in
            switch pair.1 {
            case .array, .object: false
            default: true
            }
        }
    }

    /// A flat object on one line, a space after each `:` and `,`: `{"period": "2026-Q1", "met": true}`.
    private func writeRow(to output: inout [UInt8]) {
        guard case let .object(pairs) = self, !pairs.isEmpty else { return write(to: &output, indent: nil) }
        output.append(UInt8(ascii: "{"))
        for (offset, (key, value)) in pairs.enumerated() {
            if offset > 0 { output.append(", ") }
            JSONValue.writeString(key, to: &output)
            output.append(": ")
            value.write(to: &output, indent: nil)
        }
        output.append(UInt8(ascii: "}"))
    }

    private static func newline(_ output: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// Escapes for JSON, and also `<`, `>`, `&` and the line separators U+2028 and U+2029, so the text
    /// is safe inside an HTML `<script>` element too.
    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied at once.
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let escape: String
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20, 0x7F:
                    escape = unicodeEscape(UInt32(byte))
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    length = 3
                default:
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                output += escape.utf8
                index += length
                start = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}

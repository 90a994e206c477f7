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

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// An object from pairs, leaving out those whose value is nil: optional fields that are not set.
    public static func fields(_ pairs: [(String, JSONValue?)]) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// A string, or nothing when the text is not set.
    public static func text(_ text: String?) -> JSONValue? { text.map(JSONValue.string) }

    /// A number written as an integer when it is whole.
    public static func number(_ value: Double) -> JSONValue {
        value.rounded() == value && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
    }

    /// The JSON text, indented by two spaces when `pretty`.
    public func serialized(pretty: Bool = true) -> String {
        var output = ""
        write(to: &output, indent: pretty ? "" : nil)
        return output
    }

    private func write(to output: inout String, indent: String?) {
        switch self {
        case .null: output += "null"
        case let .bool(value): output += value ? "true" : "false"
        case let .int(value): output += String(value)
        case let .double(value): output += value.isFinite ? "\(value)" : "null"
        case let .string(value): JSONValue.writeString(value, to: &output)
        case let .array(values):
            guard !values.isEmpty else { output += "[]"; return }
            output += "["
            let inner = indent.map { $0 + "  " }
            for (offset, value) in values.enumerated() {
                if offset > 0 { output += "," }
                if let inner { output += "\n" + inner }
                value.write(to: &output, indent: inner)
            }
            if let indent { output += "\n" + indent }
            output += "]"
        case let .object(pairs):
            guard !pairs.isEmpty else { output += "{}"; return }
            output += "{"
            let inner = indent.map { $0 + "  " }
            for (offset, pair) in pairs.enumerated() {
                if offset > 0 { output += "," }
                if let inner { output += "\n" + inner }
                JSONValue.writeString(pair.0, to: &output)
                output += inner == nil ? ":" : ": "
                pair.1.write(to: &output, indent: inner)
            }
            if let indent { output += "\n" + indent }
            output += "}"
        }
    }

    /// Escapes for JSON, and also `<`, `>`, `&` and the line separators, so the text is safe inside
    /// an HTML `<script>` element too.
    static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                output += unicodeEscape(scalar.value)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                output += unicodeEscape(scalar.value)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}

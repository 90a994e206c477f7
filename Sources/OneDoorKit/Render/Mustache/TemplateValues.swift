/// A value a template can show: text, a flag, a number, a list, or a nested level of named values.
enum TemplateValue: Sendable, Equatable {
    case string(String)
    /// Text already in UTF-8 (a rendered page going into the layout), so that it is not copied into a `String`.
    case bytes([UInt8])
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case object(TemplateValues)

    /// Mustache's truth: missing values, `false` and empty lists skip a section; everything else
    /// (including empty text and zero) renders it.
    var isTruthy: Bool {
        switch self {
        case let .bool(flag): flag
        case let .list(items): !items.isEmpty
        case .string, .bytes, .int, .object: true
        }
    }
}

/// The values a template sees at one level. Values that are not set are left out, so that a
/// section over them is skipped.
struct TemplateValues: Sendable, Equatable {
    let values: [String: TemplateValue]

    init(_ values: [String: (any TemplateRepresentable)?]) {
        var kept: [String: TemplateValue] = [:]
        kept.reserveCapacity(values.count)
        for (name, value) in values {
            if let value { kept[name] = value.templateValue }
        }
        self.values = kept
    }

    subscript(name: String) -> TemplateValue? { values[name] }

    /// These values with others added or replaced.
    func adding(_ more: [String: (any TemplateRepresentable)?]) -> TemplateValues {
        TemplateValues(values: values.merging(more.compactMapValues { $0?.templateValue }) { $1 })
    }

    private init(values: [String: TemplateValue]) {
        self.values = values
    }
}

/// A Swift value that templates can show.
protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

extension String: TemplateRepresentable {
    var templateValue: TemplateValue { .string(self) }
}

extension Bool: TemplateRepresentable {
    var templateValue: TemplateValue { .bool(self) }
}

extension Int: TemplateRepresentable {
    var templateValue: TemplateValue { .int(self) }
}

extension TemplateValues: TemplateRepresentable {
    var templateValue: TemplateValue { .object(self) }
}

extension TemplateValue: TemplateRepresentable {
    var templateValue: TemplateValue { self }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

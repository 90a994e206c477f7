/// A value a template can show: text, a flag, a number, a list, or a nested level of named values.
enum TemplateValue: Sendable, Equatable {
    case string(String)
    /// Text already in UTF-8 (a rendered page going into the layout), so that it is not copied into a `String`.
    case bytes([UInt8])
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case object(TemplateValues)
    /// A value that is not set, like JSON's `null`: found (so an outer level's value of the same name
    /// does not show through), false, and shown as nothing.
    case null

    /// Mustache's truth: missing values, `false` and empty lists skip a section; everything else
    /// (including empty text and zero) renders it.
    var isTruthy: Bool {
        switch self {
        case let .bool(flag): flag
        case .null: false
        case let .list(items): !items.isEmpty
        case .string, .bytes, .int, .object: true
        }
    }

    /// The value named `name` at this level, when this is a level of named values.
    func member(_ name: String) -> TemplateValue? {
        guard case let .object(values) = self else { return nil }
        return values.values[name]
    }
}

/// The values a template sees at one level. Values that are not set are kept as `null`, so that a
/// section over them is skipped rather than over a value of the same name further out (a walk-in
/// channel has no `href`; the support model around it has one).
struct TemplateValues: Sendable, Equatable {
    let values: [String: TemplateValue]

    init(_ values: [String: (any TemplateRepresentable)?]) {
        self.init(pairs: values, count: values.count)
    }

    /// The same from a literal list of pairs, without making a dictionary of them first: a page of
    /// results makes thousands of rows.
    init(fields: KeyValuePairs<String, (any TemplateRepresentable)?>) {
        self.init(pairs: fields, count: fields.count)
    }

    private init(pairs: some Sequence<(key: String, value: (any TemplateRepresentable)?)>, count: Int) {
        var kept: [String: TemplateValue] = [:]
        kept.reserveCapacity(count)
        for (name, value) in pairs {
            kept[name] = value?.templateValue ?? .null
        }
        self.values = kept
    }

    subscript(name: String) -> TemplateValue? { values[name] }

    /// These values with others added or replaced.
    func adding(_ more: [String: (any TemplateRepresentable)?]) -> TemplateValues {
        TemplateValues(values: values.merging(more.mapValues { $0?.templateValue ?? .null }) { $1 })
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

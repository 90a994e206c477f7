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
        return values[name]
    }
}

/// The values a template sees at one level. Values that are not set are kept as `null`, so that a
/// section over them is skipped rather than over a value of the same name further out (a walk-in
/// channel has no `href`; the support model around it has one).
struct TemplateValues: Sendable, Equatable {
    /// A level of a few values (a table row's) keeps them in order and finds one by comparing names,
    /// which costs less than hashing them: a catalogue's pages make hundreds of thousands of rows and
    /// look up millions of names. A level of many (the portal's words) keeps them in a dictionary.
    private let fields: [Field]
    private let dictionary: [String: TemplateValue]?

    private struct Field: Sendable {
        let name: String
        let value: TemplateValue
    }

    /// Up to this many values are kept as fields.
    private static let fieldLimit = 16

    init(_ values: [String: (any TemplateRepresentable)?]) {
        self.init(pairs: values, count: values.count)
    }

    /// The same from a literal list of pairs, without making a dictionary of them first: a page of
    /// results makes thousands of rows.
    init(fields: KeyValuePairs<String, (any TemplateRepresentable)?>) {
        self.init(pairs: fields, count: fields.count)
    }

    /// The same from values already made, for the rows of a large table: 240,000 at 10,000 measured
    /// services, where turning each value into a template's costs more than the row's words.
    init(values: KeyValuePairs<String, TemplateValue>) {
        self.init(named: values.lazy.map { ($0.key, $0.value) }, count: values.count)
    }

    private init(pairs: some Sequence<(key: String, value: (any TemplateRepresentable)?)>, count: Int) {
        self.init(named: pairs.lazy.map { ($0.key, $0.value?.templateValue ?? .null) }, count: count)
    }

    /// `named` kept as fields when there are few; a name given twice keeps its last value.
    private init(named: some Sequence<(String, TemplateValue)>, count: Int) {
        guard count > Self.fieldLimit else {
            var fields: [Field] = []
            fields.reserveCapacity(count)
            for (name, value) in named {
                if let place = fields.firstIndex(where: { $0.name == name }) { fields.remove(at: place) }
                fields.append(Field(name: name, value: value))
            }
            self.init(fields: fields, dictionary: nil)
            return
        }
        self.init(fields: [], dictionary: Dictionary(named.map { $0 }, uniquingKeysWith: { _, last in last }))
    }

    private init(fields: [Field], dictionary: [String: TemplateValue]?) {
        self.fields = fields
        self.dictionary = dictionary
    }

    subscript(name: String) -> TemplateValue? {
        guard let dictionary else { return fields.first { $0.name == name }?.value }
        return dictionary[name]
    }

    /// Every name and its value, in no particular order.
    var all: [(name: String, value: TemplateValue)] {
        dictionary.map { $0.map { ($0.key, $0.value) } } ?? fields.map { ($0.name, $0.value) }
    }

    var count: Int { dictionary?.count ?? fields.count }

    /// These values with others added or replaced.
    func adding(_ more: [String: (any TemplateRepresentable)?]) -> TemplateValues {
        let added = more.lazy.map { ($0.key, $0.value?.templateValue ?? .null) }
        guard let dictionary else { return TemplateValues(named: fields.map { ($0.name, $0.value) } + added, count: count + more.count) }
        return TemplateValues(fields: [], dictionary: dictionary.merging(added) { $1 })
    }

    /// The same values, whichever way they are kept and in whatever order.
    static func == (lhs: TemplateValues, rhs: TemplateValues) -> Bool {
        lhs.count == rhs.count && lhs.all.allSatisfy { rhs[$0.name] == $0.value }
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
    // A closure, not a key path: a key path on a generic element is made anew at each call.
    var templateValue: TemplateValue { .list(map { $0.templateValue }) }
}

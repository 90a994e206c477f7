/// Reads the fields of one YAML block, gathering a finding for each missing, wrong or unknown field.
struct FieldReader {
    let node: SourceNode
    /// What the block describes, for messages: "the service", "team 'networks'".
    var subject: String
    private let known: [String]
    private var fields: [String: (key: SourceNode, value: SourceNode)] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    /// True when a required field is missing or wrong, so the entry cannot be used whole.
    private(set) var failed = false

    /// Starts reading `node`, which must be a block of fields.
    init(_ node: SourceNode, subject: String, known: [String]) throws(FieldError) {
        guard let pairs = node.pairs else {
            throw FieldError(.fieldType, at: node.location, "\(subject) must be a block of 'field: value' lines, not \(node.kindName)")
        }
        self.node = node
        self.subject = subject
        self.known = known
        for pair in pairs {
            let key = pair.key
            let name = key.scalar ?? ""
            if known.contains(name) {
                fields[name] = (key, pair.value)
            } else {
                let fix = Suggestion.closest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? "; remove it or check its spelling"
                diagnostics.append(.error(.unknownField, at: key.location, "unknown field '\(name)' in \(subject)\(fix)"))
            }
        }
    }

    /// The location of a field's value, or of the block when the field is absent.
    func location(of field: String) -> SourceLocation {
        fields[field]?.value.location ?? node.location
    }

    func has(_ field: String) -> Bool {
        guard let value = fields[field]?.value else { return false }
        return !value.isEmpty
    }

    mutating func required<Value>(_ field: String, _ read: (SourceNode) throws(FieldError) -> Value) -> Value? {
        guard let entry = fields[field], !entry.value.isEmpty else {
            failed = true
            let place = fields[field]?.key.location ?? node.location
            diagnostics.append(.error(.missingField, at: place,
                "\(subject) is missing the required field '\(field)'; add a line '\(field): …'"))
            return nil
        }
        return value(entry.value, read, isRequired: true)
    }

    mutating func optional<Value>(_ field: String, _ read: (SourceNode) throws(FieldError) -> Value) -> Value? {
        guard let entry = fields[field], !entry.value.isEmpty else { return nil }
        return value(entry.value, read, isRequired: false)
    }

    /// Records a finding about this block found by the caller.
    mutating func report(_ error: FieldError, isFatal: Bool = true) {
        diagnostics.append(error.diagnostic)
        if isFatal { failed = true }
    }

    private mutating func value<Value>(
        _ node: SourceNode, _ read: (SourceNode) throws(FieldError) -> Value, isRequired: Bool
    ) -> Value? {
        do {
            return try read(node)
        } catch {
            diagnostics.append(error.diagnostic)
            if isRequired { failed = true }
            return nil
        }
    }
}

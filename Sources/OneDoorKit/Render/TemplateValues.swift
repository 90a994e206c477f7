internal import Mustache

/// The values a template sees at one level. Values that are not set are left out, since Mustache
/// would print them as "nil"; nested levels are `TemplateValues` too, and lists are arrays of them.
/// Being a final class, Mustache finds its conformance at once, where a `[String: Any]` costs a
/// conditional cast at every lookup.
final class TemplateValues: MustacheParent, @unchecked Sendable {
    private let values: [String: Any]

    init(_ values: [String: Any?]) {
        self.values = values.compactMapValues { $0 }
    }

    func child(named name: String) -> Any? {
        values[name]
    }

    /// These values with others added or replaced.
    func adding(_ more: [String: Any?]) -> TemplateValues {
        TemplateValues(values.merging(more.compactMapValues { $0 }) { $1 })
    }
}

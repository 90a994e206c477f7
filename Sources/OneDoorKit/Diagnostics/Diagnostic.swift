/// How serious a finding is.
public enum Severity: String, Sendable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// One finding of the checker: where, how serious, which rule, and what to do about it.
public struct Diagnostic: Error, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let location: SourceLocation
    public let severity: Severity
    /// A stable, kebab-case name of the rule, for tools and for `--format json`.
    public let rule: Rule
    /// What is wrong and what would fix it, in one sentence.
    public let message: String

    public init(_ severity: Severity, _ rule: Rule, at location: SourceLocation, _ message: String) {
        self.location = location
        self.severity = severity
        self.rule = rule
        self.message = message
    }

    public static func error(_ rule: Rule, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, rule, at: location, message)
    }

    public static func warning(_ rule: Rule, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, rule, at: location, message)
    }

    /// The severity this finding has under `--strict`, where every warning is an error.
    public func strict(_ isStrict: Bool) -> Diagnostic {
        isStrict ? Diagnostic(.error, rule, at: location, message) : self
    }

    /// The line compilers print: `file:line:column: severity: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.severity, lhs.rule.rawValue, lhs.message)
            < (rhs.location, rhs.severity, rhs.rule.rawValue, rhs.message)
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

/// A value that cannot fill its field: where it is and what to write instead.
struct FieldError: Error {
    let rule: Rule
    let location: SourceLocation
    let message: String

    init(_ rule: Rule = .invalidValue, at location: SourceLocation, _ message: String) {
        self.rule = rule
        self.location = location
        self.message = message
    }

    var diagnostic: Diagnostic { .error(rule, at: location, message) }
}

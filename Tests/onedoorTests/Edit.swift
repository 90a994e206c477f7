import Testing

extension String {
    /// The text with `old` replaced by `new`: a test's edit, which fails the test when `old` is not
    /// there (an edit that quietly changes nothing would prove nothing).
    func edited(_ old: String, to new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        if !contains(old) { Issue.record("the text to edit is not there: \(old.debugDescription)", sourceLocation: sourceLocation) }
        return replacing(old, with: new)
    }
}

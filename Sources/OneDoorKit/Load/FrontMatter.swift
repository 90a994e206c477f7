/// A service file cut in two: the YAML between the `---` fences, and the Markdown after.
struct FrontMatter: Sendable {
    let yaml: String
    /// Lines before the YAML text in the file: the YAML's line 1 is the file's line `yamlLineOffset + 1`.
    let yamlLineOffset: Int
    let body: String
    /// The file line of the body's first line.
    let bodyLine: Int

    /// Splits a service file (or another file with front matter, `subject`), or says why it has no front matter.
    static func split(_ source: SourceText, subject: String = "a service file") -> Result<FrontMatter, Diagnostic> {
        let text = source.text
        let firstEnd = text.utf8.firstIndex(of: 0x0A) ?? text.endIndex
        guard isFence(text[..<firstEnd], "---") else {
            return .failure(.error(.frontMatter, at: .start(of: source.path),
                "\(subject) must start with a '---' line, then its fields in YAML, then another '---' line"))
        }
        // Lines are found on UTF-8 bytes: a newline is one byte, so every cut lands on a character.
        var lineStart = firstEnd < text.endIndex ? text.utf8.index(after: firstEnd) : text.endIndex
        let yamlStart = lineStart
        var line = 2
        while lineStart < text.endIndex {
            let lineEnd = text.utf8[lineStart...].firstIndex(of: 0x0A) ?? text.endIndex
            let content = text[lineStart..<lineEnd]
            if isFence(content, "---") || isFence(content, "...") {
                let bodyStart = lineEnd < text.endIndex ? text.utf8.index(after: lineEnd) : text.endIndex
                return .success(FrontMatter(yaml: String(text[yamlStart..<lineStart]), yamlLineOffset: 1,
                                            body: String(text[bodyStart...]), bodyLine: line + 1))
            }
            lineStart = lineEnd < text.endIndex ? text.utf8.index(after: lineEnd) : text.endIndex
            line += 1
        }
        return .failure(.error(.frontMatter, at: .start(of: source.path),
            "the front matter opened on line 1 is never closed; add a '---' line after the last field"))
    }

    private static func isFence(_ line: Substring, _ fence: String) -> Bool {
        line.hasPrefix(fence) && line.dropFirst(fence.count).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// The YAML between the fences, parsed; nil, with a finding, when it is empty (`fields` says what
    /// belongs there) or cannot be read.
    func fields(in path: String, expected fields: String, diagnostics: inout [Diagnostic]) -> SourceNode? {
        switch SourceNode.parse(yaml, file: path, lineOffset: yamlLineOffset) {
        case let .success(node?): return node
        case .success(nil):
            diagnostics.append(.error(.missingField, at: .start(of: path), "the front matter is empty; add \(fields)"))
            return nil
        case let .failure(finding):
            diagnostics.append(finding)
            return nil
        }
    }
}

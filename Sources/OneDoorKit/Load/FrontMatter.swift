/// A service file cut in two: the YAML between the `---` fences, and the Markdown after.
struct FrontMatter: Sendable {
    let yaml: String
    /// Lines before the YAML text in the file: the YAML's line 1 is the file's line `yamlLineOffset + 1`.
    let yamlLineOffset: Int
    let body: String
    /// The file line of the body's first line.
    let bodyLine: Int

    /// Splits a service file, or says why it has no front matter.
    static func split(_ source: SourceText) -> Result<FrontMatter, Diagnostic> {
        var lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, isFence(first, "---") else {
            return .failure(.error(.frontMatter, at: .start(of: source.path),
                "a service file must start with a '---' line, then its fields in YAML, then another '---' line"))
        }
        guard let close = lines.dropFirst().firstIndex(where: { isFence($0, "---") || isFence($0, "...") }) else {
            return .failure(.error(.frontMatter, at: .start(of: source.path),
                "the front matter opened on line 1 is never closed; add a '---' line after the last field"))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyLine: close + 2))
    }

    private static func isFence(_ line: Substring, _ fence: String) -> Bool {
        line.hasPrefix(fence) && line.dropFirst(fence.count).allSatisfy { $0 == " " || $0 == "\t" }
    }
}

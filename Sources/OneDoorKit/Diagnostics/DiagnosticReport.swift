/// Findings printed for people, for tools, or for GitHub Actions.
public struct DiagnosticReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, json, github
    }

    /// Colours in the text, as compilers use them on a terminal: the place in bold, `error:` in red,
    /// `warning:` in magenta.
    public enum Colors: Sendable {
        case none, ansi

        func wrap(_ text: String, _ code: String) -> String {
            self == .none ? text : "\u{1B}[\(code)m\(text)\u{1B}[0m"
        }
    }

    public let diagnostics: [Diagnostic]
    public let fileCount: Int

    public init(diagnostics: [Diagnostic], fileCount: Int) {
        self.diagnostics = diagnostics.sorted()
        self.fileCount = fileCount
    }

    /// `2 errors, 1 warning in 214 files`.
    public var summary: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(diagnostics.errorCount, "error")), \(count(diagnostics.warningCount, "warning")) in \(count(fileCount, "file"))"
    }

    /// The report in `format`. `pathPrefix` is put before each file for `github`, whose paths are
    /// relative to the folder the command runs in rather than to the catalogue.
    public func rendered(as format: Format, pathPrefix: String = "", colors: Colors = .none) -> String {
        switch format {
        case .text:
            let lines = diagnostics.map { diagnostic in
                let severity = diagnostic.severity == .error ? colors.wrap("error:", "1;31") : colors.wrap("warning:", "1;35")
                return "\(colors.wrap("\(diagnostic.location):", "1")) \(severity) \(diagnostic.message)"
            }
            return (lines + [summary]).joined(separator: "\n") + "\n"
        case .json:
            return JSONValue.array(diagnostics.map { diagnostic in
                .object([
                    ("file", .string(diagnostic.location.file)),
                    ("line", .int(diagnostic.location.line)),
                    ("column", .int(diagnostic.location.column)),
                    ("severity", .string(diagnostic.severity.rawValue)),
                    ("rule", .string(diagnostic.rule.rawValue)),
                    ("message", .string(diagnostic.message)),
                ])
            }).serialized() + "\n"
        case .github:
            let lines = diagnostics.map { diagnostic in
                let location = diagnostic.location
                let properties = "file=\(escapeProperty(pathPrefix + location.file)),line=\(location.line),col=\(location.column),title=\(escapeProperty(diagnostic.rule.rawValue))"
                return "::\(diagnostic.severity.rawValue) \(properties)::\(escapeData(diagnostic.message))"
            }
            return (lines + [summary]).joined(separator: "\n") + "\n"
        }
    }

    /// GitHub's workflow-command escaping of a message.
    private func escapeData(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}

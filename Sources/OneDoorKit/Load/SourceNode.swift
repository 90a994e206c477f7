internal import Yams

/// A YAML node that knows the file it came from, so every value read from it has a location.
struct SourceNode {
    let node: Node
    let file: String
    /// Lines of the file before the YAML text (1 for the front matter of a service).
    let lineOffset: Int

    var location: SourceLocation {
        guard let mark = node.mark else { return .start(of: file) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// Parses YAML text into its root node; nil for an empty document.
    static func parse(_ yaml: String, file: String, lineOffset: Int = 0) -> Result<SourceNode?, Diagnostic> {
        if let finding = SourceLimits.checkAliases(yaml, file: file, lineOffset: lineOffset) { return .failure(finding) }
        do {
            // The basic resolver reads every scalar as text, so no YAML 1.1 guess happens (and no regex runs).
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else { return .success(nil) }
            let root = SourceNode(node: node, file: file, lineOffset: lineOffset)
            if let finding = SourceLimits.checkTree(root) { return .failure(finding) }
            return .success(root)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, lineOffset: lineOffset, yaml: yaml))
        } catch {
            return .failure(.error(.yamlSyntax, at: .start(of: file), "the YAML could not be read: \(error)"))
        }
    }

    private static func diagnostic(for error: YamlError, file: String, lineOffset: Int, yaml: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: max(1, mark.line) + lineOffset, column: max(1, mark.column))
        }
        let hint = "check the indentation, the ':' after each field name, and quote values that contain ': ' or start with a special character"
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let context = context.map { " \($0.text)" } ?? ""
            return .error(.yamlSyntax, at: at(mark), "YAML syntax error: \(problem)\(context); \(hint)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(.duplicateField, at: at(context.mark),
                "the field \(names) is written more than once in the same block; keep one")
        case let .reader(problem, offset, _, _):
            let prefix = yaml.utf8.prefix(offset ?? 0)
            let line = prefix.count { $0 == 0x0A } + 1
            return .error(.yamlSyntax, at: SourceLocation(file: file, line: line + lineOffset, column: 1),
                "the YAML could not be read: \(problem); remove control characters from the text")
        default:
            return .error(.yamlSyntax, at: .start(of: file), "the YAML could not be read: \(error)")
        }
    }

    /// The kind of value, as messages name it.
    var kindName: String {
        switch node {
        case .scalar: "a single value"
        case .mapping: "a block of fields"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    var scalar: String? { node.scalar?.string }

    /// True for a field written with nothing after the colon.
    var isEmpty: Bool {
        guard case let .scalar(scalar) = node else { return false }
        return scalar.string.isEmpty && scalar.style == .plain
    }

    var elements: [SourceNode]? {
        node.sequence.map { $0.map { SourceNode(node: $0, file: file, lineOffset: lineOffset) } }
    }

    var pairs: [(key: SourceNode, value: SourceNode)]? {
        node.mapping.map { mapping in
            mapping.map { (SourceNode(node: $0.key, file: file, lineOffset: lineOffset),
                           SourceNode(node: $0.value, file: file, lineOffset: lineOffset)) }
        }
    }
}

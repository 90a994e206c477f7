internal import Yams

/// A YAML node that knows where it stands in its file, so every value read from it has a location.
struct SourceNode: Sendable, Equatable {
    enum Content: Sendable, Equatable {
        /// Text, and whether it was written plain (without quotes).
        case scalar(String, plain: Bool)
        case sequence([SourceNode])
        case mapping([Pair])
        case alias
    }

    struct Pair: Sendable, Equatable {
        let key: SourceNode
        let value: SourceNode
    }

    let content: Content
    let location: SourceLocation

    /// Parses YAML text into its root node; nil for an empty document. `lineOffset` is the number of
    /// lines of the file before the YAML text (1 for the front matter of a service).
    ///
    /// The plain block YAML that catalogue files are written in is read by `PlainYAML`; anything else
    /// (anchors, block scalars, multi-line values, escapes, errors) goes to Yams, which reads all of YAML.
    static func parse(_ yaml: String, file: String, lineOffset: Int = 0) -> Result<SourceNode?, Diagnostic> {
        if let root = PlainYAML.parse(yaml, file: file, lineOffset: lineOffset) { return .success(root) }
        return parseWithYams(yaml, file: file, lineOffset: lineOffset)
    }

    /// Parses any YAML with Yams.
    static func parseWithYams(_ yaml: String, file: String, lineOffset: Int = 0) -> Result<SourceNode?, Diagnostic> {
        if let finding = SourceLimits.checkAliases(yaml, file: file, lineOffset: lineOffset) { return .failure(finding) }
        do {
            // The basic resolver reads every scalar as text, so no YAML 1.1 guess happens (and no regex runs).
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else { return .success(nil) }
            if let finding = SourceLimits.checkTree(node, file: file, lineOffset: lineOffset) { return .failure(finding) }
            return .success(SourceNode(node, file: file, lineOffset: lineOffset))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, lineOffset: lineOffset, yaml: yaml))
        } catch {
            return .failure(.error(.yamlSyntax, at: .start(of: file), "the YAML could not be read: \(error)"))
        }
    }

    /// Levels of nodes, this one counted, as `SourceLimits.checkTree` counts them in a Yams tree:
    /// keys and scalars are a level below their collection.
    var depth: Int {
        switch content {
        case .scalar, .alias: 1
        case let .sequence(elements): 1 + (elements.map(\.depth).max() ?? 0)
        case let .mapping(pairs): 1 + (pairs.map { max($0.key.depth, $0.value.depth) }.max() ?? 0)
        }
    }

    init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// A node composed by Yams.
    init(_ node: Node, file: String, lineOffset: Int) {
        location = Self.location(of: node, file: file, lineOffset: lineOffset)
        switch node {
        case let .scalar(scalar):
            content = .scalar(scalar.string, plain: scalar.style == .plain)
        case let .sequence(sequence):
            content = .sequence(sequence.map { SourceNode($0, file: file, lineOffset: lineOffset) })
        case let .mapping(mapping):
            content = .mapping(mapping.map {
                Pair(key: SourceNode($0.key, file: file, lineOffset: lineOffset),
                     value: SourceNode($0.value, file: file, lineOffset: lineOffset))
            })
        case .alias:
            content = .alias
        }
    }

    static func location(of node: Node, file: String, lineOffset: Int) -> SourceLocation {
        guard let mark = node.mark else { return .start(of: file) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
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
        switch content {
        case .scalar: "a single value"
        case .mapping: "a block of fields"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    var scalar: String? {
        guard case let .scalar(text, _) = content else { return nil }
        return text
    }

    /// True for a field written with nothing after the colon.
    var isEmpty: Bool { content == .scalar("", plain: true) }

    var elements: [SourceNode]? {
        guard case let .sequence(elements) = content else { return nil }
        return elements
    }

    var pairs: [Pair]? {
        guard case let .mapping(pairs) = content else { return nil }
        return pairs
    }
}

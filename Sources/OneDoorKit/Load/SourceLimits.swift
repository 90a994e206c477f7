internal import Yams

/// Bounds on what the sources may hold, so that no input can exhaust time, memory or the stack.
/// Each is reported as a finding with its file and line.
enum SourceLimits {
    static let maxFileBytes = 1 << 20
    static let maxLineBytes = 64 << 10
    /// Collections inside each other.
    static let maxDepth = 64
    /// Values a document may hold once its aliases are expanded (the "billion laughs" shape).
    static let maxExpandedValues = 100_000
    static let maxFiles = 100_000
    /// Aliases (`*name`) in one YAML document. Yams hashes mapping keys while it composes, so an alias
    /// used as a key is expanded before any tree check could run: the text is counted first.
    static let maxAliases = 32

    /// A file over the size limit, found before it is read.
    static func sizeFinding(_ byteCount: Int, path: String) -> Diagnostic {
        .error(.limit, at: .start(of: path),
            "the file is \(byteCount) bytes, over the limit of 1 MiB; split the description or move attachments elsewhere")
    }

    /// A line over the length limit.
    static func check(_ source: SourceText) -> [Diagnostic] {
        var text = source.text
        let line = text.withUTF8 { bytes -> Int? in
            var line = 1
            var lineStart = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                if index - lineStart > maxLineBytes { return line }
                line += 1
                lineStart = index + 1
            }
            return bytes.count - lineStart > maxLineBytes ? line : nil
        }
        guard let line else { return [] }
        return [.error(.limit, at: SourceLocation(file: source.path, line: line, column: 1),
            "this line is over the limit of 64 KiB; break it into shorter lines")]
    }

    /// More aliases than the limit, counted on the text before it is parsed.
    static func checkAliases(_ yaml: String, file: String, lineOffset: Int) -> Diagnostic? {
        var count = 0
        var line = 1
        var previous: UInt8 = 0x0A
        var afterStar = false
        for byte in yaml.utf8 {
            if afterStar, (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F {
                count += 1
                if count > maxAliases {
                    return .error(.limit, at: SourceLocation(file: file, line: line + lineOffset, column: 1),
                        "more than \(maxAliases) YAML aliases (*name); write the values out instead")
                }
            }
            afterStar = byte == UInt8(ascii: "*") && " \n\t[{,:-?".utf8.contains(previous)
            if byte == 0x0A { line += 1 }
            previous = byte
        }
        return nil
    }

    /// A YAML tree nested deeper than the limit, or whose aliases would expand it beyond the limit.
    /// (The parser itself stops at 1,000 levels, which it reports as a syntax error.)
    static func checkTree(_ root: Node, file: String, lineOffset: Int) -> Diagnostic? {
        var budget = maxExpandedValues
        var deepest: Node?
        guard !exceeds(root, depth: 1, budget: &budget, deepest: &deepest) else {
            if let deepest {
                let place = SourceNode.location(of: deepest, file: file, lineOffset: lineOffset)
                return .error(.limit, at: place, "the YAML is nested more than \(maxDepth) levels deep here; flatten it")
            }
            return .error(.limit, at: SourceNode.location(of: root, file: file, lineOffset: lineOffset),
                "YAML aliases here expand to more than \(maxExpandedValues) values; write the values out instead of repeating aliases")
        }
        return nil
    }

    /// Walks the tree, aliases expanded, stopping as soon as it is too deep or the budget is spent.
    private static func exceeds(_ node: Node, depth: Int, budget: inout Int, deepest: inout Node?) -> Bool {
        budget -= 1
        if budget < 0 { return true }
        if depth > maxDepth {
            deepest = node
            return true
        }
        switch node {
        case .scalar, .alias: return false
        case let .sequence(sequence): return sequence.contains { exceeds($0, depth: depth + 1, budget: &budget, deepest: &deepest) }
        case let .mapping(mapping):
            return mapping.contains {
                exceeds($0.key, depth: depth + 1, budget: &budget, deepest: &deepest)
                    || exceeds($0.value, depth: depth + 1, budget: &budget, deepest: &deepest)
            }
        }
    }
}

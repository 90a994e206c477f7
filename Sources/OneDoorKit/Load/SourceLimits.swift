internal import Foundation
internal import Yams

/// Bounds on what the sources may hold, so that no input can exhaust time, memory or the stack.
/// Each is reported as a finding with its file and line.
enum SourceLimits {
    static let maxFileBytes = 1 << 20
    /// A performance file, which a ticketing tool may export with hundreds of thousands of rows.
    static let maxTableBytes = 64 << 20
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
    static func sizeFinding(_ byteCount: Int, limit: Int, path: String) -> Diagnostic {
        let fix = limit == maxTableBytes ? "split it into files by year" : "split the description or move attachments elsewhere"
        return .error(.limit, at: .start(of: path), "the file is \(byteCount) bytes, over the limit of \(limit >> 20) MiB; \(fix)")
    }

    /// A line over the length limit.
    static func check(_ source: SourceText) -> [Diagnostic] {
        var text = source.text
        return text.withUTF8 { check($0, path: source.path) }
    }

    /// The same for a table file's bytes.
    static func check(_ source: SourceBytes) -> [Diagnostic] {
        source.bytes.withUnsafeBufferPointer { check($0, path: source.path) }
    }

    /// The first line over the limit, found by jumping from line break to line break with `memchr`: a
    /// table file may be megabytes.
    private static func check(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> [Diagnostic] {
        guard let base = bytes.baseAddress else { return [] }
        var line = 1
        var lineStart = 0
        while lineStart < bytes.count {
            guard let newline = memchr(base + lineStart, 0x0A, bytes.count - lineStart) else { break }
            let end = UnsafePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self)) - base
            if end - lineStart > maxLineBytes { return [overlong(line, path: path)] }
            line += 1
            lineStart = end + 1
        }
        return bytes.count - lineStart > maxLineBytes ? [overlong(line, path: path)] : []
    }

    private static func overlong(_ line: Int, path: String) -> Diagnostic {
        .error(.limit, at: SourceLocation(file: path, line: line, column: 1), "this line is over the limit of 64 KiB; break it into shorter lines")
    }

    /// More aliases than the limit, counted on the text before it is parsed. A `*` counts where YAML
    /// reads an alias: not in a comment, quoted text or a block scalar (`# dial *5` is no alias).
    static func checkAliases(_ yaml: String, file: String, lineOffset: Int) -> Diagnostic? {
        var count = 0
        var line = 1
        for alias in aliasLines(Array(yaml.utf8)) {
            count += 1
            line = alias
            if count > maxAliases {
                return .error(.limit, at: SourceLocation(file: file, line: line + lineOffset, column: 1),
                    "more than \(maxAliases) YAML aliases (*name); write the values out instead")
            }
        }
        return nil
    }

    /// The line of each `*name` that YAML would read as an alias: one that stands where a value or key
    /// begins. It may count a few that are not (at the start of a plain value's second line); it never
    /// misses one, since the limit guards against aliases that expand before any other check runs.
    static func aliasLines(_ bytes: [UInt8]) -> [Int] {
        enum Mode { case between, plainScalar, property, singleQuoted, doubleQuoted }
        func isNameByte(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
        }
        func isSpace(_ byte: UInt8?) -> Bool { byte == nil || byte == 0x20 || byte == 0x09 || byte == 0x0D }
        var aliases: [Int] = []
        var mode = Mode.between
        var flowDepth = 0
        /// Inside a block scalar opened on a line of this indentation.
        var blockScalar: Int?
        for (number, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == 0x20 }.count
            if let parentIndent = blockScalar {
                // A block scalar goes on while its lines are blank or indented past the line that opened it.
                if line.allSatisfy(isSpace) || indent > parentIndent { continue }
                blockScalar = nil
            }
            if mode == .plainScalar || mode == .property { mode = .between }
            var index = line.startIndex
            scan: while index < line.endIndex {
                let byte = line[index]
                let next = index + 1 < line.endIndex ? line[index + 1] : nil
                let previous = index > line.startIndex ? line[index - 1] : nil
                switch mode {
                case .singleQuoted:
                    if byte == UInt8(ascii: "'") {
                        if next == UInt8(ascii: "'") { index += 1 } else { mode = .between }
                    }
                case .doubleQuoted:
                    if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { mode = .between }
                case .property:
                    if isSpace(byte) {
                        mode = .between
                    } else if flowDepth > 0, ",]}".utf8.contains(byte) {
                        mode = .between
                        if byte != UInt8(ascii: ",") { flowDepth -= 1 }
                    }
                case .plainScalar:
                    if byte == UInt8(ascii: ":"), isSpace(next) || (flowDepth > 0 && ",]}".utf8.contains(next ?? 0)) {
                        mode = .between
                    } else if byte == UInt8(ascii: "#"), isSpace(previous) {
                        break scan
                    } else if flowDepth > 0, ",]}".utf8.contains(byte) {
                        mode = .between
                        if byte != UInt8(ascii: ",") { flowDepth -= 1 }
                    }
                case .between:
                    switch byte {
                    case 0x20, 0x09, 0x0D, UInt8(ascii: ","): break
                    case UInt8(ascii: "#"): break scan
                    case UInt8(ascii: "'"): mode = .singleQuoted
                    case UInt8(ascii: "\""): mode = .doubleQuoted
                    case UInt8(ascii: "&"), UInt8(ascii: "!"): mode = .property
                    case UInt8(ascii: "["), UInt8(ascii: "{"): flowDepth += 1
                    case UInt8(ascii: "]"), UInt8(ascii: "}"): flowDepth = max(0, flowDepth - 1)
                    case UInt8(ascii: "|"), UInt8(ascii: ">"):
                        blockScalar = indent
                        break scan
                    case UInt8(ascii: "*"):
                        if let next, isNameByte(next) { aliases.append(number + 1) }
                        mode = .property
                    case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                        if !isSpace(next) { mode = .plainScalar }
                    default:
                        mode = .plainScalar
                    }
                }
                index += 1
            }
        }
        return aliases
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

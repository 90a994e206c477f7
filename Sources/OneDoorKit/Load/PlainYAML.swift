/// Reads the plain block YAML that catalogue files are written in — `key: value` lines, `- ` lists,
/// `[a, b]` lists on one line, quoted values on one line, comments — straight into `SourceNode`s.
///
/// Composing with a general YAML library costs more than everything else `onedoor check` does. This
/// reader takes the common shape only, and gives up (returns nil) at anything else: anchors, tags, block
/// scalars, values over several lines, escapes, tabs, duplicate keys, anything YAML would refuse. The
/// caller then hands the text to Yams, so every document still reads exactly as YAML reads it; a test
/// compares the two on every fixture.
struct PlainYAML {
    private let bytes: [UInt8]
    private let file: String
    private let lineOffset: Int
    /// Lines that hold something: blank lines and comment lines are left out.
    private let lines: [Line]
    private var next = 0

    private struct Line {
        /// 1-based, in the YAML text.
        let number: Int
        let start: Int
        let end: Int
        /// Leading spaces.
        let indent: Int
    }

    /// Gave up: the text is outside the subset.
    private struct Unsupported: Error {}

    /// The root node, or nil when the text is outside the subset (or empty).
    static func parse(_ yaml: String, file: String, lineOffset: Int) -> SourceNode? {
        let bytes = Array(yaml.utf8)
        guard let lines = contentLines(bytes), !lines.isEmpty, lines[0].indent == 0 else { return nil }
        var reader = PlainYAML(bytes: bytes, file: file, lineOffset: lineOffset, lines: lines)
        do {
            let root = try reader.block(indent: 0, depth: 1)
            // A tree deeper than the limit goes to Yams too, so that the limit is measured one way.
            return reader.next == lines.count && root.depth <= SourceLimits.maxDepth ? root : nil
        } catch {
            return nil
        }
    }

    private init(bytes: [UInt8], file: String, lineOffset: Int, lines: [Line]) {
        self.bytes = bytes
        self.file = file
        self.lineOffset = lineOffset
        self.lines = lines
    }

    /// The lines with content, or nil when a character appears that this reader leaves to Yams:
    /// control characters (tabs included), YAML's other line breaks, document markers and directives.
    private static func contentLines(_ bytes: [UInt8]) -> [Line]? {
        var hasNonASCII = false
        for byte in bytes where byte < 0x20 && byte != 0x0A || byte >= 0x7F {
            guard byte >= 0x80 else { return nil }
            hasNonASCII = true
        }
        if hasNonASCII {
            let text = String(decoding: bytes, as: UTF8.self)
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x80...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return nil
                default: continue
                }
            }
        }
        var lines: [Line] = []
        var start = 0
        var number = 1
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var first = start
            while first < end, bytes[first] == 0x20 { first += 1 }
            if first < end, bytes[first] != UInt8(ascii: "#") {
                if first == start, end - start >= 3, bytes[start] == bytes[start + 1], bytes[start] == bytes[start + 2],
                   bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: ".") { return nil }
                lines.append(Line(number: number, start: start, end: end, indent: first - start))
            }
            start = end + 1
            number += 1
        }
        return lines
    }

    // MARK: - Blocks

    /// A mapping or a list whose lines start at `indent`.
    private mutating func block(indent: Int, depth: Int) throws(Unsupported) -> SourceNode {
        guard depth < SourceLimits.maxDepth else { throw Unsupported() }
        let line = lines[next]
        if isListEntry(line.start + indent, line) {
            return try list(indent: indent, indentless: false, depth: depth)
        }
        return try mapping(column: indent, firstOnLine: false, depth: depth)
    }

    /// `- ` at `position`.
    private func isListEntry(_ position: Int, _ line: Line) -> Bool {
        bytes[position] == UInt8(ascii: "-") && (position + 1 == line.end || bytes[position + 1] == 0x20)
    }

    /// `key: value` lines whose keys stand at `column`. When `firstOnLine` is set, the first key follows
    /// a list's `- ` on the current line.
    private mutating func mapping(column: Int, firstOnLine: Bool, depth: Int) throws(Unsupported) -> SourceNode {
        var pairs: [SourceNode.Pair] = []
        var keys: Set<String> = []
        var location: SourceLocation?
        var onLine = firstOnLine
        while next < lines.count {
            let line = lines[next]
            if !onLine {
                if line.indent < column { break }
                guard line.indent == column else { throw Unsupported() }
            }
            onLine = false
            let keyStart = line.start + column
            guard !isListEntry(keyStart, line) else { throw Unsupported() }
            let (key, afterColon) = try self.key(at: keyStart, line)
            guard keys.insert(key.scalar!).inserted else { throw Unsupported() }
            location = location ?? key.location
            let value: SourceNode
            if let valueStart = firstNonSpace(from: afterColon, line), bytes[valueStart] != UInt8(ascii: "#") {
                guard afterColon < line.end, bytes[afterColon] == 0x20 else { throw Unsupported() }
                value = try inlineValue(at: valueStart, line)
                next += 1
                if next < lines.count, lines[next].indent > column { throw Unsupported() }
            } else {
                next += 1
                guard next < lines.count else { throw Unsupported() }
                let nested = lines[next]
                if nested.indent > column {
                    value = try block(indent: nested.indent, depth: depth + 1)
                } else if nested.indent == column, isListEntry(nested.start + column, nested) {
                    value = try list(indent: column, indentless: true, depth: depth + 1)
                } else {
                    throw Unsupported()  // an empty value: Yams says where it stands
                }
            }
            pairs.append(SourceNode.Pair(key: key, value: value))
        }
        guard let location else { throw Unsupported() }
        return SourceNode(.mapping(pairs), at: location)
    }

    /// `- item` lines at `indent`. An indentless list (`key:` then `- item` at the key's own indent) ends
    /// at the next key; any other list must end where its indent does.
    private mutating func list(indent: Int, indentless: Bool, depth: Int) throws(Unsupported) -> SourceNode {
        guard depth < SourceLimits.maxDepth else { throw Unsupported() }
        var elements: [SourceNode] = []
        let location = self.location(of: lines[next].start + indent, lines[next])
        while next < lines.count {
            let line = lines[next]
            if line.indent < indent { break }
            guard line.indent == indent else { throw Unsupported() }
            guard isListEntry(line.start + indent, line) else {
                if indentless { break }
                throw Unsupported()
            }
            guard let itemStart = firstNonSpace(from: line.start + indent + 1, line), bytes[itemStart] != UInt8(ascii: "#") else {
                throw Unsupported()  // `-` alone on its line
            }
            if isListEntry(itemStart, line) { throw Unsupported() }
            if startsKey(at: itemStart, line) {
                elements.append(try mapping(column: itemStart - line.start, firstOnLine: true, depth: depth + 1))
            } else {
                elements.append(try inlineValue(at: itemStart, line))
                next += 1
                if next < lines.count, lines[next].indent > indent { throw Unsupported() }
            }
        }
        return SourceNode(.sequence(elements), at: location)
    }

    // MARK: - Keys and values on one line

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// Whether a simple key and its colon start at `position`.
    private func startsKey(at position: Int, _ line: Line) -> Bool {
        var index = position
        while index < line.end, Self.isKeyByte(bytes[index]) { index += 1 }
        return index > position && index < line.end && bytes[index] == UInt8(ascii: ":")
            && (index + 1 == line.end || bytes[index + 1] == 0x20)
    }

    /// A key of letters, digits, `_` and `-`, and the position after its colon.
    private func key(at position: Int, _ line: Line) throws(Unsupported) -> (SourceNode, Int) {
        guard startsKey(at: position, line), bytes[position] != UInt8(ascii: "-") else { throw Unsupported() }
        var index = position
        while Self.isKeyByte(bytes[index]) { index += 1 }
        // YAML refuses an implicit key of over 1,024 characters; Yams says so, at the exact length.
        guard index - position <= Self.longestKeyTaken else { throw Unsupported() }
        let key = SourceNode(.scalar(text(position, index), plain: true), at: location(of: position, line))
        return (key, index + 1)
    }

    /// A value that ends with its line: a plain or quoted scalar, or a `[…]` list.
    private func inlineValue(at position: Int, _ line: Line) throws(Unsupported) -> SourceNode {
        switch bytes[position] {
        case UInt8(ascii: "["):
            var elements: [SourceNode] = []
            var index = position + 1
            index = firstNonSpace(from: index, line) ?? line.end
            if index < line.end, bytes[index] == UInt8(ascii: "]") {
                index += 1
            } else {
                while true {
                    guard let itemStart = firstNonSpace(from: index, line) else { throw Unsupported() }
                    let (item, end) = try flowItem(at: itemStart, line)
                    elements.append(item)
                    guard let separator = firstNonSpace(from: end, line) else { throw Unsupported() }
                    index = separator + 1
                    if bytes[separator] == UInt8(ascii: "]") { break }
                    guard bytes[separator] == UInt8(ascii: ",") else { throw Unsupported() }
                }
            }
            try expectLineEnd(from: index, line)
            return SourceNode(.sequence(elements), at: location(of: position, line))
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            let (node, end) = try quoted(at: position, line)
            try expectLineEnd(from: end, line)
            return node
        default:
            guard !Self.indicators.contains(bytes[position]) else { throw Unsupported() }
            var end = position
            while end < line.end {
                let byte = bytes[end]
                if byte == UInt8(ascii: ":"), end + 1 == line.end || bytes[end + 1] == 0x20 { throw Unsupported() }
                if byte == UInt8(ascii: "#"), bytes[end - 1] == 0x20 { break }
                end += 1
            }
            while bytes[end - 1] == 0x20 { end -= 1 }
            return SourceNode(.scalar(text(position, end), plain: true), at: location(of: position, line))
        }
    }

    /// Longer keys are left to Yams, which knows where YAML's limit on an implicit key falls.
    static let longestKeyTaken = 1_000

    /// Characters that give a value at its start a meaning other than plain text.
    private static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`".utf8)
    /// Characters a plain item of a `[…]` list may not hold.
    private static let flowIndicators: Set<UInt8> = Set("[]{}:#".utf8)

    /// One item of a `[…]` list, and the position after it.
    private func flowItem(at position: Int, _ line: Line) throws(Unsupported) -> (SourceNode, Int) {
        if bytes[position] == UInt8(ascii: "'") || bytes[position] == UInt8(ascii: "\"") { return try quoted(at: position, line) }
        guard !Self.indicators.contains(bytes[position]) else { throw Unsupported() }
        var end = position
        while end < line.end, bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: "]") {
            guard !Self.flowIndicators.contains(bytes[end]) else { throw Unsupported() }
            end += 1
        }
        var last = end
        while bytes[last - 1] == 0x20 { last -= 1 }
        return (SourceNode(.scalar(text(position, last), plain: true), at: location(of: position, line)), end)
    }

    /// A quoted scalar closed on its line, and the position after the closing quote. Double quotes
    /// with a backslash escape are left to Yams.
    private func quoted(at position: Int, _ line: Line) throws(Unsupported) -> (SourceNode, Int) {
        let quote = bytes[position]
        var content: [UInt8] = []
        var index = position + 1
        while true {
            guard index < line.end else { throw Unsupported() }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") { throw Unsupported() }
            if byte == quote {
                guard quote == UInt8(ascii: "'"), index + 1 < line.end, bytes[index + 1] == quote else { break }
                index += 1  // '' is one quote
            }
            content.append(byte)
            index += 1
        }
        let node = SourceNode(.scalar(String(decoding: content, as: UTF8.self), plain: false), at: location(of: position, line))
        return (node, index + 1)
    }

    /// Only spaces, perhaps then a comment, may follow a value.
    private func expectLineEnd(from position: Int, _ line: Line) throws(Unsupported) {
        guard let rest = firstNonSpace(from: position, line) else { return }
        guard bytes[rest] == UInt8(ascii: "#"), rest > position else { throw Unsupported() }
    }

    private func firstNonSpace(from position: Int, _ line: Line) -> Int? {
        var index = position
        while index < line.end, bytes[index] == 0x20 { index += 1 }
        return index < line.end ? index : nil
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Columns count Unicode scalars, as Yams does.
    private func location(of position: Int, _ line: Line) -> SourceLocation {
        let column = bytes[line.start..<position].count { $0 & 0xC0 != 0x80 } + 1
        return SourceLocation(file: file, line: line.number + lineOffset, column: column)
    }
}

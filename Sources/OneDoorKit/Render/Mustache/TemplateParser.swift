internal import Foundation

/// Reads Mustache source into a `Template`, following the Mustache specification: sections, inverted
/// sections, comments, partials, set delimiters, standalone lines, inheritance (`{{<parent}}`, `{{$block}}`),
/// plus swift-mustache's transforms (`{{^empty(list)}}`).
struct TemplateParser {
    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    /// Parses `source`; errors name `file` with the line and column of the tag at fault.
    static func parse(_ source: String, file: String) throws(TemplateError) -> Template {
        var parser = TemplateParser(bytes: Array(source.utf8), file: file)
        return Template(nodes: try parser.nodes(closing: nil).nodes)
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// One tag as written, before it becomes a node.
    private struct Tag {
        let sigil: UInt8?
        let content: String
        let start: Int
        let end: Int
    }

    /// Reads nodes up to the end, or up to `{{/closing}}` when inside a section.
    private mutating func nodes(closing: (name: String, start: Int)?) throws(TemplateError) -> (nodes: [Template.Node], end: Int) {
        var nodes: [Template.Node] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { nodes.append(.text(text)) }
            text = []
        }
        while let tagStart = bytes.firstIndex(of: open, from: position) {
            text += bytes[position..<tagStart]
            let tag = try readTag(at: tagStart)
            position = tag.end
            var indentation: [UInt8] = []
            if tag.sigil.map(Self.standaloneSigils.contains) ?? false, let line = standaloneLine(tag) {
                indentation = Array(bytes[line.start..<tag.start])
                text.removeLast(indentation.count)
                position = line.end
            }
            switch tag.sigil {
            case UInt8(ascii: "!"):
                continue
            case UInt8(ascii: "="):
                try setDelimiters(tag)
            case UInt8(ascii: "/"):
                guard let closing else { throw error("`{{/\(tag.content)}}` closes a section that was never opened", at: tag.start) }
                guard tag.content == closing.name else {
                    throw error("`{{/\(tag.content)}}` does not close the open section `\(closing.name)`", at: tag.start)
                }
                flush()
                return (nodes, tag.start)
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                flush()
                let name = try parseName(tag)
                let inner = try self.nodes(closing: (tag.content, tag.start)).nodes
                nodes.append(.section(name, inner, inverted: tag.sigil == UInt8(ascii: "^")))
            case UInt8(ascii: "$"):
                flush()
                nodes.append(.block(tag.content, try self.nodes(closing: (tag.content, tag.start)).nodes))
            case UInt8(ascii: "<"):
                flush()
                var blocks: [String: [Template.Node]] = [:]
                for case let .block(name, content) in try self.nodes(closing: (tag.content, tag.start)).nodes {
                    blocks[name] = content
                }
                nodes.append(.parent(tag.content, indentation: indentation, blocks: blocks))
            case UInt8(ascii: ">"):
                flush()
                nodes.append(.partial(tag.content, indentation: indentation))
            default:
                flush()
                let escaped = tag.sigil != UInt8(ascii: "{") && tag.sigil != UInt8(ascii: "&")
                nodes.append(.variable(try parseName(tag), escaped: escaped))
            }
        }
        if let closing { throw error("the section `\(closing.name)` is never closed with `{{/\(closing.name)}}`", at: closing.start) }
        text += bytes[position...]
        position = bytes.count
        flush()
        return (nodes, position)
    }

    private static let standaloneSigils: Set<UInt8> = Set("#^/!=>$<".utf8)

    private mutating func readTag(at start: Int) throws(TemplateError) -> Tag {
        var contentStart = start + open.count
        var closer = close
        var sigil: UInt8?
        if contentStart < bytes.count {
            let first = bytes[contentStart]
            if first == UInt8(ascii: "{"), open == Array("{{".utf8) {
                sigil = first
                closer = [UInt8(ascii: "}")] + close
                contentStart += 1
            } else if Set("&#^/!=>$<".utf8).contains(first) {
                sigil = first
                contentStart += 1
            }
        }
        if sigil == UInt8(ascii: "=") { closer = [UInt8(ascii: "=")] + close }
        guard let contentEnd = bytes.firstIndex(of: closer, from: contentStart) else {
            throw error("this tag is never closed with `\(String(decoding: closer, as: UTF8.self))`", at: start)
        }
        let content = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if content.isEmpty, sigil != UInt8(ascii: "!") { throw error("this tag names nothing", at: start) }
        return Tag(sigil: sigil, content: content, start: start, end: contentEnd + closer.count)
    }

    /// The line around `tag` when nothing but spaces and tabs share it: such a line is left out of the output.
    private func standaloneLine(_ tag: Tag) -> (start: Int, end: Int)? {
        var start = tag.start
        while start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 { start -= 1 }
        guard start == 0 || bytes[start - 1] == 0x0A else { return nil }
        var end = tag.end
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        if end == bytes.count { return (start, end) }
        if bytes[end] == 0x0A { return (start, end + 1) }
        if bytes[end] == 0x0D, end + 1 < bytes.count, bytes[end + 1] == 0x0A { return (start, end + 2) }
        return nil
    }

    private mutating func setDelimiters(_ tag: Tag) throws(TemplateError) {
        let parts = tag.content.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error("set delimiters as `{{=<% %>=}}`: two delimiters separated by a space", at: tag.start)
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    private func parseName(_ tag: Tag) throws(TemplateError) -> Template.Name {
        var content = Substring(tag.content)
        var transform: Template.Transform?
        if content.hasSuffix(")"), let paren = content.firstIndex(of: "(") {
            let function = String(content[..<paren])
            guard let known = Template.Transform(rawValue: function) else {
                let names = Template.Transform.allCases.map(\.rawValue).joined(separator: ", ")
                throw error("`\(function)` is not a transform; use one of \(names)", at: tag.start)
            }
            transform = known
            content = content[content.index(after: paren)..<content.index(before: content.endIndex)]
            if content.isEmpty { return Template.Name(path: [], transform: known) }
        }
        if content == "." { return Template.Name(path: [], transform: transform) }
        let path = content.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains(where: \.isEmpty) else { throw error("`\(content)` is not a name", at: tag.start) }
        return Template.Name(path: path, transform: transform)
    }

    private func error(_ message: String, at offset: Int) -> TemplateError {
        let before = bytes[..<offset]
        let line = before.count { $0 == 0x0A } + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return TemplateError(location: SourceLocation(file: file, line: line, column: column), message: message)
    }
}


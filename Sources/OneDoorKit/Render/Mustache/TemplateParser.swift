internal import Foundation

/// Reads Mustache source into a `Template`, following the Mustache specification: sections, inverted
/// sections, comments, partials, set delimiters, standalone lines, inheritance (`{{<parent}}`, `{{$block}}`),
/// dynamic names (`{{>*name}}`), plus swift-mustache's transforms (`{{^empty(list)}}`). Anything else is
/// an error at the line and column of the tag, never a template that quietly renders nothing.
struct TemplateParser {
    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    /// A tag here counts as the first thing on its line: the only thing before it on the line is a
    /// parent's opening tag or a block's closing tag (`{{<page}}{{$body}}`, `{{/body}}{{/page}}`), which
    /// the inheritance spec lets stand alone together.
    private var lineStartAfterTag: Int?
    /// The partials named as written, where they are named, so that a missing one can be reported.
    private var partials: [(name: String, location: SourceLocation)] = []

    /// Parses `source`; errors name `file` with the line and column of the tag at fault.
    static func parse(_ source: String, file: String) throws(TemplateError) -> Template {
        var parser = TemplateParser(bytes: Array(source.utf8), file: file)
        let nodes = try parser.nodes(closing: nil).nodes
        return Template(nodes: nodes, partials: parser.partials)
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

    private static let standaloneSigils: Set<UInt8> = Set("#^/!=>$<".utf8)

    /// Reads nodes up to the end, or up to `{{/closing}}` when inside a section, parent or block.
    private mutating func nodes(closing: Tag?) throws(TemplateError) -> (nodes: [Template.Node], end: Int) {
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
            var standalone = false
            if tag.sigil.map(Self.standaloneSigils.contains) ?? false, let line = standaloneLine(tag) {
                indentation = Array(bytes[line.start..<tag.start])
                text.removeLast(indentation.count)
                position = line.end
                standalone = true
            }
            switch tag.sigil {
            case UInt8(ascii: "!"):
                continue
            case UInt8(ascii: "="):
                try setDelimiters(tag)
            case UInt8(ascii: "/"):
                guard let closing else { throw error("`{{/\(tag.content)}}` closes a section that was never opened", at: tag.start) }
                guard tag.content == closing.content else {
                    throw error("`{{/\(tag.content)}}` does not close the open section `\(closing.content)`", at: tag.start)
                }
                // `{{/block}}{{/parent}}` alone on a line stand alone together.
                if !standalone, closing.sigil == UInt8(ascii: "$"), let start = whitespaceBefore(tag.start),
                   let next = peekTag(at: tag.end), next.sigil == UInt8(ascii: "/"), lineEnd(after: next.end) != nil {
                    text.removeLast(tag.start - start)
                    lineStartAfterTag = tag.end
                }
                flush()
                return (nodes, tag.start)
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                flush()
                let name = try parseName(tag.content, at: tag.start)
                let inner = try self.nodes(closing: tag).nodes
                nodes.append(.section(name, inner, inverted: tag.sigil == UInt8(ascii: "^")))
            case UInt8(ascii: "$"):
                flush()
                // `{{$block}}{{/block}}` alone on a line: indented where it is, and the line's end kept.
                if !standalone, let start = whitespaceBefore(tag.start), let next = peekTag(at: tag.end),
                   next.sigil == UInt8(ascii: "/"), next.content == tag.content, lineEnd(after: next.end) != nil {
                    let indentation = Array(bytes[start..<tag.start])
                    if case let .text(before)? = nodes.last {
                        nodes[nodes.count - 1] = .text(Array(before.dropLast(indentation.count)))
                    }
                    position = next.end
                    nodes.append(.block(tag.content, [], indentation: indentation))
                    continue
                }
                let contentStart = position
                let (inner, end) = try self.nodes(closing: tag)
                guard standalone else {
                    nodes.append(.block(tag.content, inner, indentation: nil))
                    continue
                }
                // A block alone on its line loses its content's own indentation, and shows what it gets
                // with that indentation, or with the tag's when it has no content.
                let intrinsic = Self.commonIndentation(bytes[contentStart..<end])
                var atLineStart = true
                let dedented = Self.dedent(inner, by: intrinsic.count, atLineStart: &atLineStart)
                nodes.append(.block(tag.content, dedented, indentation: intrinsic.isEmpty ? indentation : intrinsic))
            case UInt8(ascii: "<"):
                flush()
                let name = try partialName(tag)
                // `{{<parent}}{{/parent}}` or `{{<parent}}{{$block}}` alone on a line stand alone together.
                if !standalone, let start = whitespaceBefore(tag.start), let next = peekTag(at: tag.end),
                   next.sigil == UInt8(ascii: "$") || (next.sigil == UInt8(ascii: "/") && next.content == tag.content) {
                    indentation = Array(bytes[start..<tag.start])
                    if case let .text(before)? = nodes.last {
                        nodes[nodes.count - 1] = .text(Array(before.dropLast(indentation.count)))
                    }
                    lineStartAfterTag = tag.end
                }
                var blocks: [String: [Template.Node]] = [:]
                for case let .block(block, content, _) in try self.nodes(closing: tag).nodes {
                    blocks[block] = content
                }
                nodes.append(.parent(name, indentation: indentation, blocks: blocks))
            case UInt8(ascii: ">"):
                flush()
                nodes.append(.partial(try partialName(tag), indentation: indentation))
            default:
                flush()
                let escaped = tag.sigil != UInt8(ascii: "{") && tag.sigil != UInt8(ascii: "&")
                nodes.append(.variable(try parseName(tag.content, at: tag.start), escaped: escaped))
            }
        }
        if let closing { throw error("the section `\(closing.content)` is never closed with `{{/\(closing.content)}}`", at: closing.start) }
        text += bytes[position...]
        position = bytes.count
        flush()
        return (nodes, position)
    }

    private func readTag(at start: Int) throws(TemplateError) -> Tag {
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

    /// The tag that starts right at `offset`, if one does.
    private func peekTag(at offset: Int) -> Tag? {
        guard bytes[offset...].starts(with: open) else { return nil }
        return try? readTag(at: offset)
    }

    /// The line around `tag` when nothing but spaces and tabs share it: such a line is left out of the output.
    private func standaloneLine(_ tag: Tag) -> (start: Int, end: Int)? {
        guard let start = whitespaceBefore(tag.start), let end = lineEnd(after: tag.end) else { return nil }
        return (start, end)
    }

    /// Where the line of `offset` starts, when only spaces and tabs (or a tag that lets the next one
    /// stand alone) come before `offset` on it.
    private func whitespaceBefore(_ offset: Int) -> Int? {
        if offset == lineStartAfterTag { return offset }
        var start = offset
        while start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 { start -= 1 }
        return start == 0 || bytes[start - 1] == 0x0A ? start : nil
    }

    /// Just past the end of the line of `offset`, when only spaces and tabs follow `offset` on it.
    private func lineEnd(after offset: Int) -> Int? {
        var end = offset
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        if end == bytes.count { return end }
        if bytes[end] == 0x0A { return end + 1 }
        if bytes[end] == 0x0D, end + 1 < bytes.count, bytes[end + 1] == 0x0A { return end + 2 }
        return nil
    }

    /// The spaces and tabs that begin every line of `source` that holds more than spaces and tabs.
    private static func commonIndentation(_ source: ArraySlice<UInt8>) -> [UInt8] {
        var common: [UInt8]?
        for line in source.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let indentation = line.prefix { $0 == 0x20 || $0 == 0x09 }
            guard indentation.count < line.count, line[line.startIndex + indentation.count] != 0x0D else { continue }
            common = common.map { Array(zip($0, indentation).prefix { $0 == $1 }.map(\.0)) } ?? Array(indentation)
        }
        return common ?? []
    }

    /// `nodes` with up to `count` spaces or tabs taken from the start of each line.
    private static func dedent(_ nodes: [Template.Node], by count: Int, atLineStart: inout Bool) -> [Template.Node] {
        guard count > 0 else { return nodes }
        return nodes.map { node in
            switch node {
            case let .text(text):
                var kept: [UInt8] = []
                var index = 0
                while index < text.count {
                    if atLineStart {
                        var removed = 0
                        while removed < count, index < text.count, text[index] == 0x20 || text[index] == 0x09 { index += 1; removed += 1 }
                    }
                    guard index < text.count else { break }
                    kept.append(text[index])
                    atLineStart = text[index] == 0x0A
                    index += 1
                }
                return .text(kept)
            case let .section(name, inner, inverted):
                return .section(name, dedent(inner, by: count, atLineStart: &atLineStart), inverted: inverted)
            case let .block(name, inner, indentation):
                return .block(name, dedent(inner, by: count, atLineStart: &atLineStart),
                              indentation: indentation.map { Array($0.dropFirst(min(count, $0.count))) })
            case .variable:
                atLineStart = false
                return node
            case .partial, .parent:
                return node
            }
        }
    }

    private mutating func setDelimiters(_ tag: Tag) throws(TemplateError) {
        let parts = tag.content.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error("set delimiters as `{{=<% %>=}}`: two delimiters separated by a space", at: tag.start)
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    /// The template a `>` or `<` tag names: as written, or a value's text after `*`.
    private mutating func partialName(_ tag: Tag) throws(TemplateError) -> Template.PartialName {
        if tag.content.hasPrefix("*") {
            let name = tag.content.dropFirst().trimmingCharacters(in: .whitespaces)
            return .dynamic(try parseName(name, at: tag.start))
        }
        guard !tag.content.contains(where: \.isWhitespace) else {
            throw error("`\(tag.content)` is not a template name: a name has no spaces", at: tag.start)
        }
        partials.append((tag.content, location(of: tag.start)))
        return .fixed(tag.content)
    }

    /// A dotted name, possibly inside transforms: `site.title`, `empty(list)`, `uppercased(reversed(name))`, `first()`.
    private func parseName(_ content: String, at offset: Int) throws(TemplateError) -> Template.Name {
        guard !content.contains(where: \.isWhitespace) else {
            throw error("`\(content)` is not a name: write it without spaces, as `\(content.filter { !$0.isWhitespace })`", at: offset)
        }
        var rest = Substring(content)
        var transforms: [Template.Transform] = []
        while let paren = rest.firstIndex(of: "(") {
            let function = String(rest[..<paren])
            guard let known = Template.Transform(rawValue: function) else {
                let names = Template.Transform.allCases.map(\.rawValue).joined(separator: ", ")
                throw error("`\(function)` is not a transform; use one of \(names)", at: offset)
            }
            guard rest.hasSuffix(")") else { throw error("`\(content)` is not a name: a `(` is never closed", at: offset) }
            transforms.append(known)
            rest = rest[rest.index(after: paren)..<rest.index(before: rest.endIndex)]
        }
        guard !rest.contains(")") else { throw error("`\(content)` is not a name: a `)` closes nothing", at: offset) }
        if rest.isEmpty {
            guard transforms.count == 1 else { throw error("`\(content)` is not a name: say which value to transform", at: offset) }
            return Template.Name(path: [], transforms: transforms)
        }
        if rest == "." { return Template.Name(path: [], transforms: transforms) }
        let path = rest.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains(where: \.isEmpty) else { throw error("`\(content)` is not a name", at: offset) }
        return Template.Name(path: path, transforms: transforms)
    }

    private func location(of offset: Int) -> SourceLocation {
        let before = bytes[..<offset]
        let line = before.count { $0 == 0x0A } + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return SourceLocation(file: file, line: line, column: column)
    }

    private func error(_ message: String, at offset: Int) -> TemplateError {
        TemplateError(location: location(of: offset), message: message)
    }
}

internal import CCmark
internal import Foundation

/// Markdown through the system cmark, in its safe mode: raw HTML and dangerous links are never rendered.
enum Markdown {
    /// A link or image destination and where it is written in the Markdown text.
    struct Link: Hashable, Sendable {
        let destination: String
        /// Line in the Markdown text, from 1.
        let line: Int
        /// cmark's column: in bytes, from 1, at the start of the link.
        let byteColumn: Int

        /// The column in Unicode scalars, from 1, of the destination where it can be found on its line,
        /// else of the link. Worked out only for links that are reported.
        func column(in text: String) -> Int {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard line >= 1, line <= lines.count else { return max(byteColumn, 1) }
            let bytes = Array(lines[line - 1].utf8)
            let start = min(max(byteColumn - 1, 0), bytes.count)
            let rest = String(decoding: bytes[start...], as: UTF8.self)
            let offset = rest.range(of: destination).map { rest[..<$0.lowerBound].utf8.count } ?? 0
            return String(decoding: bytes[..<(start + offset)], as: UTF8.self).unicodeScalars.count + 1
        }
    }

    /// A heading and the anchor it gets on the page.
    struct Heading: Hashable, Sendable {
        let level: Int
        let text: String
        let anchor: String
    }

    /// The rendered HTML and the headings in it.
    struct Rendered: Hashable, Sendable {
        let html: String
        let headings: [Heading]
        /// The text without markup, for search and descriptions.
        let plainText: String
    }

    /// Every link and image destination, in the order written.
    static func links(in text: String) -> [Link] {
        var links: [Link] = []
        withDocument(text) { root in
            walk(root) { node, entering in
                let type = cmark_node_get_type(node)
                guard entering, type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                      let url = cmark_node_get_url(node).map({ String(cString: $0) }) else { return }
                links.append(Link(destination: url, line: max(Int(cmark_node_get_start_line(node)), 1),
                                  byteColumn: Int(cmark_node_get_start_column(node))))
            }
        }
        return links
    }

    /// The headings of a text, with the anchors `render` gives them, found without rendering any HTML.
    static func headings(in text: String, reserved: Set<String>) -> [Heading] {
        var headings: [Heading] = []
        var anchors = UniqueAnchors(taken: reserved)
        withDocument(text) { root in
            var headingText: String?
            walk(root) { node, entering in
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HEADING {
                    if entering {
                        headingText = ""
                    } else if let text = headingText {
                        headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, anchor: anchors.next(for: text)))
                        headingText = nil
                    }
                } else if headingText != nil {
                    if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(node) {
                        headingText? += String(cString: literal)
                    } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                        headingText? += " "
                    }
                }
            }
        }
        return headings
    }

    /// Renders Markdown to HTML; `rewrite` may replace a link destination (for `service:` links).
    /// Headings get anchors unique on the page: none is one of `reserved`, the ids the page has already.
    static func render(_ text: String, reserved: Set<String> = [], rewrite: (String) -> String?) -> Rendered {
        var headings: [Heading] = []
        var plain: [String] = []
        var html = ""
        var anchors = UniqueAnchors(taken: reserved)
        withDocument(text) { root in
            var headingText: String?
            walk(root) { node, entering in
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, entering,
                   let url = cmark_node_get_url(node).map({ String(cString: $0) }), let replacement = rewrite(url) {
                    cmark_node_set_url(node, replacement)
                }
                if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(node) {
                    let words = String(cString: literal)
                    plain.append(words)
                    headingText? += words
                }
                if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { plain.append(" "); headingText? += " " }
                if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM, !entering {
                    plain.append("\n")
                }
                if type == CMARK_NODE_HEADING {
                    if entering {
                        headingText = ""
                    } else if let text = headingText {
                        headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text,
                                                anchor: anchors.next(for: text)))
                        headingText = nil
                    }
                }
            }
            if let rendered = cmark_render_html(root, CMARK_OPT_SAFE) {
                html = String(cString: rendered)
                free(rendered)
            }
        }
        return Rendered(html: addAnchors(headings, to: html), headings: headings,
                        plainText: plain.joined().trimmed)
    }

    /// Anchors for a page's headings: the slug of the heading's text, then `-1`, `-2`… for the
    /// same text again, skipping any anchor already taken (`## A 1` after two `## A`).
    private struct UniqueAnchors {
        var taken: Set<String>
        var nextSuffix: [String: Int] = [:]

        mutating func next(for text: String) -> String {
            let base = Anchor.slug(text)
            var suffix = nextSuffix[base, default: 0]
            var anchor = suffix == 0 ? base : "\(base)-\(suffix)"
            while taken.contains(anchor) {
                suffix += 1
                anchor = "\(base)-\(suffix)"
            }
            nextSuffix[base] = suffix + 1
            taken.insert(anchor)
            return anchor
        }
    }

    /// Gives each `<hN>` an id. In safe mode raw HTML is omitted, so every `<hN>` in cmark's output is a heading.
    private static func addAnchors(_ headings: [Heading], to html: String) -> String {
        guard !headings.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + headings.count * 32)
        var position = 0
        for heading in headings {
            let tag = Array("<h\(heading.level)>".utf8)
            guard let found = bytes.firstIndex(of: tag, from: position) else { break }
            result += bytes[position..<found]
            result += "<h\(heading.level) id=\"\(heading.anchor)\">".utf8
            position = found + tag.count
        }
        result += bytes[position...]
        return String(decoding: result, as: UTF8.self)
    }

    private static func withDocument(_ text: String, _ body: (OpaquePointer) -> Void) {
        let bytes = Array(text.utf8)
        guard let root = cmark_parse_document(bytes, bytes.count, CMARK_OPT_SOURCEPOS) else { return }
        defer { cmark_node_free(root) }
        body(root)
    }

    private static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer, Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, event == CMARK_EVENT_ENTER)
        }
    }
}

internal import Foundation

/// Renders parsed templates with values into UTF-8 bytes. Text is escaped for HTML byte by byte;
/// values are looked up through the stack of sections, innermost first.
struct TemplateRenderer: Sendable {
    let templates: [String: Template]

    /// Partials may include each other (a tree of lists, say), but not endlessly.
    static let maximumDepth = 64

    /// `name` rendered with `values`; a template that does not exist renders nothing. `capacity` is
    /// the size expected, when it is known, so that a large page is not copied as it grows.
    func render(_ name: String, _ values: TemplateValues, capacity: Int = 0) -> [UInt8] {
        render(name, root: .object(values), capacity: capacity)
    }

    /// `name` rendered with any value at the root of the stack (the Mustache spec's tests have lists and text there).
    func render(_ name: String, root: TemplateValue, capacity: Int = 0) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var state = State(stack: [root])
        state.output.reserveCapacity(capacity)
        render(template.nodes, into: &state)
        return state.output
    }

    /// Where rendering has got to.
    private struct State {
        var output: [UInt8] = []
        var stack: [TemplateValue]
        /// The current item of the innermost list, for `first()`, `last()`, `index()`.
        var item: (index: Int, count: Int)?
        /// Blocks replaced by the parents being rendered.
        var blocks: [String: [Template.Node]] = [:]
        var indentation: [UInt8] = []
        /// Inside an indented partial, at the start of a line of the template: indent before the next output.
        var atLineStart = false
        var depth = 0

        init(stack: [TemplateValue]) {
            self.stack = stack
        }

        mutating func startLine() {
            if atLineStart {
                output += indentation
                atLineStart = false
            }
        }

        mutating func appendText(_ text: [UInt8]) {
            guard !indentation.isEmpty else { return output += text }
            var start = 0
            while start < text.count {
                startLine()
                let end = text[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? text.count
                output += text[start..<end]
                atLineStart = text[end - 1] == 0x0A
                start = end
            }
        }
    }

    private func render(_ nodes: [Template.Node], into state: inout State) {
        for node in nodes {
            switch node {
            case let .text(text):
                state.appendText(text)
            case let .variable(name, escaped):
                guard let value = lookup(name, in: state) else { continue }
                state.startLine()
                Self.append(value, escaped: escaped, to: &state.output)
            case let .section(name, nodes, inverted):
                let value = lookup(name, in: state)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(nodes, into: &state) }
                } else if let value, value.isTruthy {
                    renderSection(nodes, over: value, into: &state)
                }
            case let .partial(name, indentation):
                include(name, indentation: indentation, blocks: [:], into: &state)
            case let .parent(name, indentation, blocks):
                include(name, indentation: indentation, blocks: blocks, into: &state)
            case let .block(name, nodes, indentation):
                render(state.blocks[name] ?? nodes, indentedBy: indentation ?? [], into: &state)
            }
        }
    }

    /// `nodes` with every line they write indented by `indentation` more (a standalone partial, parent or block).
    private func render(_ nodes: [Template.Node], indentedBy indentation: [UInt8], into state: inout State) {
        guard !indentation.isEmpty else { return render(nodes, into: &state) }
        let outer = state.indentation
        state.indentation += indentation
        state.atLineStart = true
        render(nodes, into: &state)
        state.indentation = outer
    }

    private func renderSection(_ nodes: [Template.Node], over value: TemplateValue, into state: inout State) {
        switch value {
        case .bool:
            render(nodes, into: &state)
        case let .list(items):
            let outer = state.item
            for (index, item) in items.enumerated() {
                state.item = (index, items.count)
                state.stack.append(item)
                render(nodes, into: &state)
                state.stack.removeLast()
            }
            state.item = outer
        case .null:
            break
        case .string, .bytes, .int, .object:
            state.stack.append(value)
            render(nodes, into: &state)
            state.stack.removeLast()
        }
    }

    private func include(_ name: Template.PartialName, indentation: [UInt8], blocks: [String: [Template.Node]],
                         into state: inout State) {
        let templateName: String
        switch name {
        case let .fixed(fixed): templateName = fixed
        case let .dynamic(dynamic):
            switch lookup(dynamic, in: state) {
            case let .string(text)?: templateName = text
            case let .bytes(text)?: templateName = String(decoding: text, as: UTF8.self)
            default: return
            }
        }
        guard let template = templates[templateName], state.depth < Self.maximumDepth else { return }
        // A plain partial on a line with other text, the common case, changes neither.
        guard !indentation.isEmpty || !blocks.isEmpty else {
            state.depth += 1
            render(template.nodes, into: &state)
            state.depth -= 1
            return
        }
        let outer = state.blocks
        state.depth += 1
        // The outermost parent's blocks win over those of the parents it includes.
        state.blocks = blocks.merging(state.blocks) { _, outer in outer }
        render(template.nodes, indentedBy: indentation, into: &state)
        state.blocks = outer
        state.depth -= 1
    }

    private func lookup(_ name: Template.Name, in state: State) -> TemplateValue? {
        if name.path.isEmpty, let transform = name.transforms.first {
            return state.item.flatMap { Self.apply(transform, toItem: $0) }
        }
        var value: TemplateValue?
        if let first = name.path.first {
            var level = state.stack.count
            while level > 0, value == nil {
                level -= 1
                value = state.stack[level].member(first)
            }
            for part in name.path.dropFirst() {
                guard case let .object(values)? = value else { return nil }
                value = values[part]
            }
        } else {
            value = state.stack.last
        }
        // As in swift-mustache: a value that is not there, or not set, is transformed into nothing.
        for transform in name.transforms.reversed() {
            guard let current = value, current != .null else { return nil }
            value = Self.apply(transform, to: current)
        }
        return value
    }

    /// `first()`, `last()`, `index()`, `even()`, `odd()`: the current item of the innermost list.
    private static func apply(_ transform: Template.Transform, toItem item: (index: Int, count: Int)) -> TemplateValue? {
        switch transform {
        case .first: .bool(item.index == 0)
        case .last: .bool(item.index == item.count - 1)
        case .index: .int(item.index)
        case .even: .bool(item.index % 2 == 0)
        case .odd: .bool(item.index % 2 == 1)
        default: nil
        }
    }

    /// What swift-mustache's transforms give for text, lists, levels of named values and whole numbers;
    /// nothing for a transform the value does not have.
    private static func apply(_ transform: Template.Transform, to value: TemplateValue) -> TemplateValue? {
        switch (transform, value) {
        case let (_, .bytes(text)): apply(transform, to: .string(String(decoding: text, as: UTF8.self)))
        case let (.empty, .string(text)): .bool(text.isEmpty)
        case let (.uppercased, .string(text)): .string(text.uppercased())
        case let (.lowercased, .string(text)): .string(text.lowercased())
        case let (.capitalized, .string(text)): .string(text.capitalized)
        case let (.reversed, .string(text)): .string(String(text.reversed()))
        case let (.empty, .list(items)): .bool(items.isEmpty)
        case let (.count, .list(items)): .int(items.count)
        case let (.first, .list(items)): items.first
        case let (.last, .list(items)): items.last
        case let (.reversed, .list(items)): .list(items.reversed())
        case let (.sorted, .list(items)): sorted(items).map(TemplateValue.list)
        case let (.empty, .object(values)): .bool(values.count == 0)
        case let (.count, .object(values)): .int(values.count)
        case let (.enumerated, .object(values)), let (.sorted, .object(values)):
            .list(values.all.sorted { $0.name < $1.name }.map { .object(TemplateValues(["key": $0.name, "value": $0.value])) })
        case let (.equalzero, .int(number)): .bool(number == 0)
        case let (.plusone, .int(number)): .int(number + 1)
        case let (.minusone, .int(number)): .int(number - 1)
        case let (.even, .int(number)): .bool(number & 1 == 0)
        case let (.odd, .int(number)): .bool(number & 1 == 1)
        default: nil
        }
    }

    /// A list of text or of whole numbers, sorted; nothing for a list of anything else.
    private static func sorted(_ items: [TemplateValue]) -> [TemplateValue]? {
        let texts = items.compactMap { item -> String? in
            switch item {
            case let .string(text): text
            case let .bytes(text): String(decoding: text, as: UTF8.self)
            default: nil
            }
        }
        if texts.count == items.count { return texts.sorted().map(TemplateValue.string) }
        let numbers = items.compactMap { if case let .int(number) = $0 { number } else { nil } }
        return numbers.count == items.count ? numbers.sorted().map(TemplateValue.int) : nil
    }

    /// Text for a variable tag: lists show their items separated by commas; a level of values shows nothing.
    private static func append(_ value: TemplateValue, escaped: Bool, to output: inout [UInt8]) {
        switch value {
        case var .string(text):
            text.withUTF8 { escaped ? appendEscaped($0, to: &output) : output.append(contentsOf: $0) }
        case let .bytes(text):
            text.withUnsafeBufferPointer { escaped ? appendEscaped($0, to: &output) : output.append(contentsOf: $0) }
        case let .bool(flag):
            output.append(flag ? "true" : "false")
        case let .int(number):
            output += String(number).utf8
        case let .list(items):
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(", ") }
                append(item, escaped: escaped, to: &output)
            }
        case .object, .null:
            break
        }
    }

    /// Escapes `& < > " '` so that text is safe in HTML content and quoted attributes; `apostrophe`
    /// is `&apos;` for SVG, which is XML.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], apostrophe: StaticString = "&#39;") {
        var start = 0
        for (index, byte) in bytes.enumerated() {
            let entity: StaticString
            switch byte {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = apostrophe
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            start = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
}

extension Template {
    /// The template with every `{{m.key}}` and `{{{m.key}}}` of `messages` written in as text: a page
    /// in one language always shows the same words there, and looking each up in the values on every
    /// page costs more than the rest of the page. (A template that names `m` as something else, in a
    /// section of its own, keeps its tags: only names that start with `m.` and are messages are written in.)
    func inlining(_ messages: [String: String]) -> Template {
        Template(nodes: Self.inline(nodes, messages), partials: partials)
    }

    private static func inline(_ nodes: [Node], _ messages: [String: String]) -> [Node] {
        nodes.map { node in
            switch node {
            case let .variable(name, escaped) where name.transforms.isEmpty && name.path.count > 1 && name.path[0] == "m":
                guard let text = messages[name.path.dropFirst().joined(separator: ".")] else { return node }
                guard escaped else { return .text(Array(text.utf8)) }
                var bytes: [UInt8] = []
                Array(text.utf8).withUnsafeBufferPointer { TemplateRenderer.appendEscaped($0, to: &bytes) }
                return .text(bytes)
            case let .section(name, children, inverted):
                return .section(name, inline(children, messages), inverted: inverted)
            case let .parent(name, indentation, blocks):
                return .parent(name, indentation: indentation, blocks: blocks.mapValues { inline($0, messages) })
            case let .block(name, children, indentation):
                return .block(name, inline(children, messages), indentation: indentation)
            case .text, .variable, .partial:
                return node
            }
        }
    }
}

extension TemplateSet {
    /// The templates with the words of one language written in (`Template.inlining`).
    func inlining(_ messages: [String: String]) -> TemplateSet {
        TemplateSet(renderer: TemplateRenderer(templates: renderer.templates.mapValues { $0.inlining(messages) }), assets: assets,
                    fixedIDs: fixedIDs)
    }
}

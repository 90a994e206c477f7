/// One parsed Mustache template: text and tags, with sections holding their own nodes.
struct Template: Sendable {
    let nodes: [Node]

    indirect enum Node: Sendable {
        case text([UInt8])
        /// `{{name}}` (escaped for HTML) or `{{{name}}}` / `{{& name}}` (as it is).
        case variable(Name, escaped: Bool)
        /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
        case section(Name, [Node], inverted: Bool)
        /// `{{> name}}`; a partial alone on its line is indented like the tag.
        case partial(String, indentation: [UInt8])
        /// `{{< name}}…{{/name}}`: the partial `name` with its `{{$block}}`s replaced.
        case parent(String, indentation: [UInt8], blocks: [String: [Node]])
        /// `{{$name}}…{{/name}}`: replaceable content, shown as it is unless a parent replaces it.
        case block(String, [Node])
    }

    /// What a tag looks up: a dotted path (empty for `.`), optionally through a transform such as `empty(list)`.
    struct Name: Sendable, Equatable {
        let path: [String]
        let transform: Transform?
    }

    /// The functions a tag can apply to a value, as in swift-mustache: `{{^empty(list)}}`, `{{count(list)}}`.
    /// Without an argument (`{{#first()}}`) they describe the current item of the list being rendered.
    enum Transform: String, Sendable, CaseIterable {
        case empty, count, first, last, index, reversed, uppercased, lowercased, capitalized
        case equalzero, plusone, minusone, even, odd
    }
}

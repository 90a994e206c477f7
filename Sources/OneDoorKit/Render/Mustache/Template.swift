/// One parsed Mustache template: text and tags, with sections holding their own nodes.
struct Template: Sendable {
    let nodes: [Node]
    /// The partials and parents it names as written, where it names them.
    var partials: [(name: String, location: SourceLocation)] = []

    indirect enum Node: Sendable {
        case text([UInt8])
        /// `{{name}}` (escaped for HTML) or `{{{name}}}` / `{{& name}}` (as it is).
        case variable(Name, escaped: Bool)
        /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
        case section(Name, [Node], inverted: Bool)
        /// `{{> name}}`; a partial alone on its line is indented like the tag.
        case partial(PartialName, indentation: [UInt8])
        /// `{{< name}}…{{/name}}`: the partial `name` with its `{{$block}}`s replaced.
        case parent(PartialName, indentation: [UInt8], blocks: [String: [Node]])
        /// `{{$name}}…{{/name}}`: replaceable content, shown as it is unless a parent replaces it. A block
        /// alone on its line (`indentation` not nil) holds its content without the content's own
        /// indentation, and shows whichever content it gets indented by `indentation`.
        case block(String, [Node], indentation: [UInt8]?)
    }

    /// What a tag looks up: a dotted path (empty for `.`), through transforms such as `empty(list)` or
    /// `uppercased(reversed(name))`, applied innermost first.
    struct Name: Sendable, Equatable {
        let path: [String]
        let transforms: [Transform]
    }

    /// The template a partial or parent tag includes: named as written, or (`{{>*name}}`, the spec's
    /// dynamic names) the text of a value.
    enum PartialName: Sendable, Equatable {
        case fixed(String)
        case dynamic(Name)
    }

    /// The functions a tag can apply to a value, as in swift-mustache: `{{^empty(list)}}`, `{{count(list)}}`.
    /// Without an argument (`{{#first()}}`) they describe the current item of the list being rendered.
    enum Transform: String, Sendable, CaseIterable {
        case empty, count, first, last, index, reversed, sorted, enumerated, uppercased, lowercased, capitalized
        case equalzero, plusone, minusone, even, odd
    }
}

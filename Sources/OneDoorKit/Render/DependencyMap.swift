/// A service's neighbourhood, drawn at build time as inline SVG: what it depends on and what depends
/// on it, two levels each way, one row per service so that it stays readable at 320 px. Services under
/// a notice say so in words beside their name. The lists of the page are its text alternative.
struct DependencyMap {
    /// A row: a service at one level, with its state in words when it has one.
    struct Node {
        let name: String
        let state: String?
    }

    /// One level: its heading and its services (nearest first).
    struct Level {
        let heading: String
        let nodes: [Node]
    }

    /// Unique on the page: the drawing's title and description are named by it.
    let id: String
    let title: String
    let description: String
    /// From the top: what it depends on through others, what it depends on, the service itself, what
    /// depends on it, and what depends on it through others. Empty levels are left out.
    let levels: [Level]
    /// The position in `levels` of the service itself.
    let centre: Int
    /// "and 5 more", in the page's language.
    let more: (Int) -> String

    /// How many services a level shows before "and N more".
    static let rowsPerLevel = 8
    private static let width = 320
    private static let (rowHeight, stateHeight, gap, headingHeight, arrowHeight) = (30, 16, 6, 22, 26)
    private static let maxCharacters = 36

    var svg: String {
        var body: [String] = []
        var y = 4
        for (position, level) in levels.enumerated() {
            if position > 0 {
                // Arrows point from a service to what it depends on: upwards.
                let x = Self.width / 2
                body.append(#"<path class="map-arrow" d="M\#(x) \#(y + Self.arrowHeight - 4) V\#(y + 6)" marker-end="url(#\#(id)-head)"/>"#)
                y += Self.arrowHeight
            }
            if position != centre {
                body.append(#"<text class="map-heading" x="12" y="\#(y + 15)">\#(XML.escape(level.heading))</text>"#)
                y += Self.headingHeight
            }
            let shown = level.nodes.prefix(Self.rowsPerLevel)
            for node in shown {
                let height = Self.rowHeight + (node.state == nil ? 0 : Self.stateHeight)
                let classes = "map-box" + (position == centre ? " map-this" : "") + (node.state == nil ? "" : " map-noticed")
                body.append(#"<rect class="\#(classes)" x="8" y="\#(y)" width="\#(Self.width - 16)" height="\#(height)" rx="4"/>"#)
                body.append(#"<text class="map-name\#(position == centre ? " map-this-name" : "")" x="18" y="\#(y + 20)">\#(XML.escape(Self.shortened(node.name)))</text>"#)
                if let state = node.state {
                    body.append(#"<text class="map-state" x="18" y="\#(y + 38)">\#(XML.escape(state))</text>"#)
                }
                y += height + Self.gap
            }
            if level.nodes.count > shown.count {
                body.append(#"<text class="map-more" x="18" y="\#(y + 14)">\#(XML.escape(more(level.nodes.count - shown.count)))</text>"#)
                y += 20
            }
        }
        let height = y + 2
        return [
            #"<svg class="dependency-map" viewBox="0 0 \#(Self.width) \#(height)" role="img" aria-labelledby="\#(id)-title \#(id)-desc" focusable="false">"#,
            #"<title id="\#(id)-title">\#(XML.escape(title))</title>"#,
            #"<desc id="\#(id)-desc">\#(XML.escape(description))</desc>"#,
            #"<defs><marker id="\#(id)-head" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path class="map-arrowhead" d="M0 0 L10 5 L0 10 z"/></marker></defs>"#,
        ].joined(separator: "\n") + "\n" + body.joined(separator: "\n") + "\n</svg>"
    }

    /// A name cut to fit the row, with an ellipsis.
    private static func shortened(_ name: String) -> String {
        name.count <= maxCharacters ? name : String(name.prefix(maxCharacters - 1)) + "…"
    }
}

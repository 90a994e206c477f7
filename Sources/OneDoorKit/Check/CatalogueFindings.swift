/// What a check found, kept by where it comes from, so that `onedoor serve` can check again only
/// what an edit touches.
struct CatalogueFindings: Sendable {
    /// The findings about each service on its own — the ids it names, its links, its dates and its
    /// wording — by position.
    let services: [[Diagnostic]]
    /// Loops in `depends_on` and between categories.
    let cycles: [Diagnostic]
    /// The rest, across files: duplicate ids, unknown parents, support models' targets, unused
    /// categories and teams, and what unreadable service files name.
    let entries: [Diagnostic]

    /// Every finding, sorted by file and line.
    var all: [Diagnostic] {
        (services.flatMap { $0 } + cycles + entries).sorted()
    }
}

/// Ids are unique within their kind, ignoring case.
enum IdentityRules {
    static func check(_ catalogue: Catalogue) -> [Diagnostic] {
        duplicates(catalogue.settings.priorities.map { ($0.id, $0.location) }, kind: "priority")
            + duplicates(catalogue.settings.customers.map { ($0.id, $0.location) }, kind: "customer")
            + duplicates(catalogue.categories.map { ($0.id, $0.location) }, kind: "category")
            + duplicates(catalogue.teams.map { ($0.id, $0.location) }, kind: "team")
            + duplicates(catalogue.supportModels.map { ($0.id, $0.location) }, kind: "support model")
            + duplicates(catalogue.services.map { ($0.id, SourceLocation.start(of: $0.file)) }, kind: "service")
    }

    /// A finding on every entry after the first that reuses an id.
    private static func duplicates(_ entries: [(id: String, location: SourceLocation)], kind: String) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var findings: [Diagnostic] = []
        for entry in entries.sorted(by: { $0.location < $1.location }) {
            let key = entry.id.lowercased()
            if let earlier = first[key] {
                findings.append(.error(.duplicateID, at: entry.location,
                    "the \(kind) id '\(entry.id)' is already used at \(earlier); give this one another id"))
            } else {
                first[key] = entry.location
            }
        }
        return findings
    }
}

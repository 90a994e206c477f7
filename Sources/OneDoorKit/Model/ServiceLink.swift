/// A link from a description to another service: `service:ID`, or `service:ID#anchor` for a heading
/// of that service's page.
struct ServiceLink: Hashable, Sendable {
    static let prefix = "service:"

    let id: String
    /// What follows `#`, if anything.
    let anchor: String?

    /// The link a Markdown destination makes, or nil when it is not a `service:` link. Like every URL
    /// scheme, `service:` may be written in any case.
    init?(_ destination: String) {
        guard destination.prefix(Self.prefix.count).lowercased() == Self.prefix else { return nil }
        let target = destination.dropFirst(Self.prefix.count)
        if let hash = target.firstIndex(of: "#") {
            id = String(target[..<hash])
            anchor = String(target[target.index(after: hash)...])
        } else {
            id = String(target)
            anchor = nil
        }
    }
}

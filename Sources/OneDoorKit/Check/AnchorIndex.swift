internal import Synchronization

/// The anchors each service page has, for links to a heading (`service:ID#anchor`, `#anchor`): the
/// anchors of its description's headings and the ids the built-in templates write. Each service's
/// description is read once, however many links lead to it.
final class AnchorIndex: Sendable {
    /// The ids the built-in templates write on every service page (`support`, `targets`…).
    static let pageIDs = TemplateSet.builtInIDs

    private let anchors = Mutex<[String: [String]]>([:])

    /// The anchors of `service`'s page, its headings' first, in order.
    func anchors(of service: Service) -> [String] {
        if let known = anchors.withLock({ $0[service.id] }) { return known }
        let found = Self.pageAnchors(of: service)
        anchors.withLock { $0[service.id] = found }
        return found
    }

    /// The anchors of `service`'s page, worked out again.
    static func pageAnchors(of service: Service) -> [String] {
        Markdown.render(service.body, reserved: pageIDs) { _ in nil }.headings.map(\.anchor) + pageIDs.sorted()
    }
}

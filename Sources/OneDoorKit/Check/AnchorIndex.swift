internal import Synchronization

/// The anchors each service page has, for links to a heading (`service:ID#anchor`, `#anchor`): the
/// anchors of its description's headings and the ids the page's templates write. Each service's
/// description is read once, however many links lead to it.
final class AnchorIndex: Sendable {
    /// The ids the templates write on every service page (`support`, `targets`…).
    let pageIDs: Set<String>

    private let anchors = Mutex<[String: [String]]>([:])

    init(pageIDs: Set<String>) {
        self.pageIDs = pageIDs
    }

    /// The anchors of `service`'s page, its headings' first, in order; kept by the file of its
    /// description (a translated page has its translation's).
    func anchors(of service: Service) -> [String] {
        let key = "\(service.id)\n\(service.body.hashValue)"
        if let known = anchors.withLock({ $0[key] }) { return known }
        let found = pageAnchors(of: service)
        anchors.withLock { $0[key] = found }
        return found
    }

    /// The anchors of `service`'s page, worked out again.
    func pageAnchors(of service: Service) -> [String] {
        Markdown.headings(in: service.body, reserved: pageIDs).map(\.anchor) + pageIDs.sorted()
    }
}

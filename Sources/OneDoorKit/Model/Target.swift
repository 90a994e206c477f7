/// A service level for one priority: how fast a request is answered and resolved.
public struct Target: Hashable, Sendable {
    public let priority: Reference
    public let respond: Duration?
    public let resolve: Duration
    /// The share of requests resolved within `resolve`, 1 to 100.
    public let percent: Double
    public let location: SourceLocation
}

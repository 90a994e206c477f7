/// A priority level of `catalogue.yaml`, such as P1, in display order.
public struct Priority: Hashable, Sendable {
    public let id: String
    public let name: String
    public let description: String?
    public let examples: [String]
    public let location: SourceLocation
}

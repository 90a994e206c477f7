/// A group of services, optionally inside a parent category.
public struct Category: Hashable, Sendable {
    public let id: String
    public let name: String
    public let description: String?
    public let parent: Reference?
    public let location: SourceLocation
}

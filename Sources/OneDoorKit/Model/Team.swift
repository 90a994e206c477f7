/// A team that owns services.
public struct Team: Hashable, Sendable {
    public let id: String
    public let name: String
    public let email: String?
    public let phone: String?
    public let url: String?
    public let location: SourceLocation
}

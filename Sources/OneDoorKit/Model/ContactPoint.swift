/// The catalogue's one door when nothing else fits: the service desk's phone, email and site.
public struct ContactPoint: Hashable, Sendable {
    public let phone: String?
    public let email: String?
    public let url: String?
}

/// A way to reach a support model's people.
public struct Channel: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case phone, email, portal, chat
        case walkIn = "walk-in"
    }

    public let kind: Kind
    /// A phone number, an email address, a web address, or for walk-in a place.
    public let value: String
    public let label: String?
}

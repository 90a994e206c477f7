/// A standard way of supporting services: hours, channels, escalation and targets per priority.
public struct SupportModel: Hashable, Sendable {
    public let id: String
    public let name: String
    public let hours: String
    public let channels: [Channel]
    public let escalation: [String]
    public let targets: [Target]
    public let location: SourceLocation
}

/// A place where one entry names another by id.
public struct ReferenceUse: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case category, team, service
        case supportModel = "support model"
    }

    public let kind: Kind
    public let reference: Reference

    public init(_ kind: Kind, _ reference: Reference) {
        self.kind = kind
        self.reference = reference
    }
}

extension Service {
    /// Every id this service names, outside its targets.
    public var references: [ReferenceUse] {
        [ReferenceUse(.category, self.category), ReferenceUse(.team, self.owner), ReferenceUse(.supportModel, self.supportModel)]
            + self.dependsOn.map { ReferenceUse(.service, $0) }
            + (self.replacedBy.map { [ReferenceUse(.service, $0)] } ?? [])
    }
}

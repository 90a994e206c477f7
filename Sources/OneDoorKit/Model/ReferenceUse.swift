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
        var uses: [ReferenceUse] = []
        forEachReference { uses.append($0) }
        return uses
    }

    /// Calls `body` with every id this service names, outside its targets, without gathering them.
    func forEachReference(_ body: (ReferenceUse) -> Void) {
        body(ReferenceUse(.category, self.category))
        body(ReferenceUse(.team, self.owner))
        body(ReferenceUse(.supportModel, self.supportModel))
        for dependency in self.dependsOn { body(ReferenceUse(.service, dependency)) }
        if let replacement = self.replacedBy { body(ReferenceUse(.service, replacement)) }
    }
}

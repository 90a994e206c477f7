/// One service of the catalogue, read from `services/**/ID.md`.
@dynamicMemberLookup
public struct Service: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case business, enterprise
    }

    public enum Status: String, Sendable, CaseIterable {
        case pipeline, live, retired
    }

    public struct Contact: Hashable, Sendable {
        public let role: String
        public let name: String
        public let email: String?
    }

    public struct Continuity: Hashable, Sendable {
        /// Recovery time objective.
        public let rto: Duration?
        /// Recovery point objective.
        public let rpo: Duration?
    }

    /// Every field of a service. They live in one shared box, because services are copied often
    /// (into indexes, lists and page jobs): copying the box costs one reference count, copying
    /// two dozen fields costs two dozen.
    public struct Fields: Hashable, Sendable {
        public let id: String
        /// The source path relative to the catalogue folder.
        public let file: String
        public let name: String
        public let summary: Located<String>
        public let category: Reference
        public let kind: Kind
        public let status: Status
        public let owner: Reference
        public let supportModel: Reference
        public let audience: [String]
        public let keywords: [String]
        public let requestURL: String?
        public let contacts: [Contact]
        public let dependsOn: [Reference]
        /// Overrides of the support model's targets.
        public let targets: [Target]
        public let availability: Double?
        public let continuity: Continuity?
        public let cost: String?
        public let lastReviewed: Located<Day>
        public let replacedBy: Reference?
        /// The Markdown after the front matter.
        public let body: String
        /// The file line on which the body starts, so body positions map back to the file.
        public let bodyLine: Int
    }

    @usableFromInline final class Box: Sendable {
        @usableFromInline let fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    @usableFromInline let box: Box

    @inlinable public subscript<Value>(dynamicMember field: KeyPath<Fields, Value>) -> Value {
        box.fields[keyPath: field]
    }

    public init(
        id: String, file: String, name: String, summary: Located<String>, category: Reference, kind: Kind, status: Status,
        owner: Reference, supportModel: Reference, audience: [String], keywords: [String], requestURL: String?,
        contacts: [Contact], dependsOn: [Reference], targets: [Target], availability: Double?, continuity: Continuity?,
        cost: String?, lastReviewed: Located<Day>, replacedBy: Reference?, body: String, bodyLine: Int
    ) {
        box = Box(Fields(
            id: id, file: file, name: name, summary: summary, category: category, kind: kind, status: status, owner: owner,
            supportModel: supportModel, audience: audience, keywords: keywords, requestURL: requestURL, contacts: contacts,
            dependsOn: dependsOn, targets: targets, availability: availability, continuity: continuity, cost: cost,
            lastReviewed: lastReviewed, replacedBy: replacedBy, body: body, bodyLine: bodyLine))
    }

    public static func == (lhs: Service, rhs: Service) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        box.fields.hash(into: &hasher)
    }
}

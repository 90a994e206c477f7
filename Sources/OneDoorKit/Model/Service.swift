/// One service of the catalogue, read from `services/**/ID.md`.
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

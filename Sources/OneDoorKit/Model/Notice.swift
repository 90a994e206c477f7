/// An incident, a planned change or an announcement, read from `notices/ID.md`.
public struct Notice: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case incident
        case plannedChange = "planned-change"
        case announcement
    }

    public enum Severity: String, Sendable, CaseIterable {
        case major, minor
    }

    /// A line of the notice's timeline.
    public struct Update: Hashable, Sendable {
        public let at: Located<LocalTime>
        public let text: String

        public init(at: Located<LocalTime>, text: String) {
            self.at = at
            self.text = text
        }
    }

    public let id: String
    /// The source path relative to the catalogue folder.
    public let file: String
    public let title: String
    public let kind: Kind
    /// Given for incidents; the checker says so when it is missing or given elsewhere.
    public let severity: Located<Severity>?
    public let services: [Reference]
    /// Who is affected, as the customers of performance files: ids.
    public let customers: [Reference]
    public let start: Located<LocalTime>
    /// When an incident was resolved (absent while open), or when a planned change ends.
    public let end: Located<LocalTime>?
    /// When the notice was first published, if not at its start (a planned change announced weeks
    /// ahead): an optional field of OneDoor's, for the feed.
    public let published: Located<LocalTime>?
    /// The ticket or major-incident number.
    public let reference: String?
    public let cause: String?
    /// Oldest first, as written.
    public let updates: [Update]
    /// The Markdown after the front matter.
    public let body: String
    public let bodyLine: Int
    /// Where the front matter starts, for findings about the notice as a whole.
    public let location: SourceLocation

    public init(
        id: String, file: String, title: String, kind: Kind, severity: Located<Severity>?, services: [Reference], customers: [Reference],
        start: Located<LocalTime>, end: Located<LocalTime>?, published: Located<LocalTime>? = nil, reference: String?, cause: String?, updates: [Update],
        body: String, bodyLine: Int, location: SourceLocation
    ) {
        self.id = id
        self.file = file
        self.title = title
        self.kind = kind
        self.severity = severity
        self.services = services
        self.customers = customers
        self.start = start
        self.end = end
        self.published = published
        self.reference = reference
        self.cause = cause
        self.updates = updates
        self.body = body
        self.bodyLine = bodyLine
        self.location = location
    }

}

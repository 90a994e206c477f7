public import Foundation

/// Writes a new, valid notice file: `onedoor new notice`.
public struct NoticeScaffold: Sendable {
    public let id: String
    public let kind: Notice.Kind
    public let services: [String]
    public let severity: Notice.Severity?
    public let title: String?
    /// `YYYY-MM-DD HH:MM` in the catalogue's time zone; now when not given.
    public let start: String?
    public let end: String?

    public init(id: String, kind: Notice.Kind, services: [String], severity: Notice.Severity?, title: String?, start: String?, end: String?) {
        self.id = id
        self.kind = kind
        self.services = services
        self.severity = severity
        self.title = title
        self.start = start
        self.end = end
    }

    /// Checks the arguments against the catalogue, writes `notices/ID.md`, and returns that path.
    /// `now` (seconds since 1970) is the start when none is given.
    public func create(in folder: URL, catalogue: Catalogue, now: Int) throws(ScaffoldError) -> String {
        let path = "\(CatalogueLoader.noticesFolder)/\(id).md"
        let file = try text(catalogue: catalogue, now: now)
        let url = folder.appendingPathComponent(path)
        guard !FileManager.default.fileExists(atPath: url.path) else { throw ScaffoldError(message: "'\(path)' already exists") }
        try ScaffoldError.write([(path, file)], in: folder)
        return path
    }

    /// The file, once the arguments are found right.
    func text(catalogue: Catalogue, now: Int) throws(ScaffoldError) -> String {
        guard Identifier.isValid(id) else {
            throw ScaffoldError(message: "'\(id)' is not a valid id: \(Identifier.rule)" + Identifier.suggestion(for: id))
        }
        if let existing = catalogue.notices.first(where: { $0.id == id }) {
            throw ScaffoldError(message: "the notice id '\(id)' is already used at \(existing.file); choose another id")
        }
        if kind != .announcement, services.isEmpty {
            throw ScaffoldError(message: "name the service it is about with --service ID (more than once for several)")
        }
        let known = catalogue.services.map(\.id)
        for service in services where !known.contains(service) {
            throw ScaffoldError(message: ReferenceRules.unknown("service", Reference(service, at: .start(of: "services/")),
                                                               closest: Suggestion.closest(to: service, among: known), file: "services/").message)
        }
        switch (kind, severity) {
        case (.incident, nil): throw ScaffoldError(message: "an incident needs --severity major or --severity minor")
        case (.plannedChange, _?), (.announcement, _?): throw ScaffoldError(message: "only an incident has a severity; leave out --severity")
        default: break
        }
        let zone = catalogue.settings.timeZone
        let startTime = try time(start, option: "--start") ?? zone.localTime(atSecondsSince1970: now)
        let endTime = try time(end, option: "--end")
        if kind == .plannedChange, endTime == nil {
            throw ScaffoldError(message: "a planned change needs --end \"YYYY-MM-DD HH:MM\", when the work ends")
        }
        if let endTime, endTime < startTime { throw ScaffoldError(message: "--end (\(endTime)) is before the start (\(startTime))") }
        let names = services.map { id in catalogue.services.first { $0.id == id }!.name }
        let subject = names.isEmpty ? catalogue.settings.title : names.joined(separator: " and ")
        let title = self.title ?? {
            switch kind {
            case .incident: "\(subject): a problem we are working on"
            case .plannedChange: "Planned work on \(subject)"
            case .announcement: "About \(subject)"
            }
        }()
        guard title.count <= 120 else { throw ScaffoldError(message: "the title has \(title.count) characters; shorten it to 120 at most") }
        var lines = ["---", "title: \(Self.quoted(title))", "kind: \(kind.rawValue)"]
        if let severity { lines.append("severity: \(severity.rawValue)") }
        lines.append("services: [\(services.joined(separator: ", "))]")
        lines.append("start: \(startTime)")
        if let endTime { lines.append("end: \(endTime)") }
        if kind == .incident {
            lines += ["updates:", "  - at: \(startTime)", "    text: We know about the problem and are working on it."]
        }
        lines += ["---", "", "What people notice, what to do meanwhile, and what happens next.", ""]
        return lines.joined(separator: "\n")
    }

    private func time(_ text: String?, option: String) throws(ScaffoldError) -> LocalTime? {
        guard let text else { return nil }
        guard let time = LocalTime(text) else {
            throw ScaffoldError(message: "\(option) must be a date and time written \"YYYY-MM-DD HH:MM\", such as \"2026-11-30 09:30\", not '\(text)'")
        }
        return time
    }

    /// A YAML double-quoted string, so that any title reads back as text.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

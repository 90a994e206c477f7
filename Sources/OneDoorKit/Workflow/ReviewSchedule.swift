/// The services whose review is overdue or due soon, grouped by owning team, for reminders.
public struct ReviewSchedule: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, csv, json
    }

    public struct Item: Sendable, Equatable {
        public let service: String
        public let name: String
        public let file: String
        public let lastReviewed: Day
        public let due: Day
        /// Days until the review is due; negative when it is overdue.
        public let daysLeft: Int
    }

    public struct Group: Sendable, Equatable {
        public let team: String
        public let teamName: String
        public let email: String?
        public let items: [Item]
    }

    public let groups: [Group]

    /// Services due within `within` days of `today` (or overdue), most urgent first in each team.
    public init(catalogue: Catalogue, today: Day, within: Int) {
        let interval = catalogue.settings.reviewIntervalDays
        let teams = Dictionary(catalogue.teams.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var byTeam: [String: [Item]] = [:]
        for service in catalogue.services where service.status != .retired {
            let dueDay = service.lastReviewed.value.daysSince1970 + interval
            let daysLeft = dueDay - today.daysSince1970
            guard daysLeft <= within else { continue }
            byTeam[service.owner.value, default: []].append(Item(
                service: service.id, name: service.name, file: service.file, lastReviewed: service.lastReviewed.value,
                due: Day(secondsSince1970: dueDay * 86_400), daysLeft: daysLeft))
        }
        groups = byTeam.keys.sorted().map { id in
            Group(team: id, teamName: teams[id]?.name ?? id, email: teams[id]?.email,
                  items: byTeam[id]!.sorted { ($0.daysLeft, $0.service) < ($1.daysLeft, $1.service) })
        }
    }

    public var count: Int { groups.reduce(0) { $0 + $1.items.count } }

    public func rendered(as format: Format) -> String {
        switch format {
        case .text: text
        case .csv: csv
        case .json: json
        }
    }

    private var text: String {
        guard !groups.isEmpty else { return "No service is due for review.\n" }
        var lines: [String] = []
        for group in groups {
            lines.append("\(group.teamName)\(group.email.map { " <\($0)>" } ?? "") — \(group.items.count) service\(group.items.count == 1 ? "" : "s")")
            for item in group.items {
                let when = item.daysLeft < 0 ? "overdue by \(-item.daysLeft) day\(item.daysLeft == -1 ? "" : "s")"
                    : item.daysLeft == 0 ? "due today" : "due in \(item.daysLeft) day\(item.daysLeft == 1 ? "" : "s")"
                lines.append("  \(when): \(item.name) (\(item.file)), last reviewed \(item.lastReviewed), due \(item.due)")
            }
        }
        return (lines + ["\(count) service\(count == 1 ? "" : "s") to review"]).joined(separator: "\n") + "\n"
    }

    private var csv: String {
        var rows = ["team,team_name,team_email,service,service_name,file,last_reviewed,due,days_left"]
        for group in groups {
            for item in group.items {
                rows.append([group.team, group.teamName, group.email ?? "", item.service, item.name, item.file,
                             item.lastReviewed.description, item.due.description, String(item.daysLeft)].map(csvField).joined(separator: ","))
            }
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so spreadsheets do not run it as a formula.
    private func csvField(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Int(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }

    private var json: String {
        JSONValue.array(groups.map { group in
            .fields([
                ("team", .string(group.team)), ("name", .string(group.teamName)), ("email", .text(group.email)),
                ("services", .array(group.items.map { item in
                    .object([
                        ("id", .string(item.service)), ("name", .string(item.name)), ("file", .string(item.file)),
                        ("last_reviewed", .string(item.lastReviewed.description)), ("due", .string(item.due.description)),
                        ("days_left", .int(item.daysLeft)),
                    ])
                })),
            ])
        }).serialized() + "\n"
    }
}

/// A diff written for a reviewer: plain text, Markdown for a pull-request comment, or JSON.
public struct DiffReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    public let diff: CatalogueDiff

    public init(diff: CatalogueDiff) {
        self.diff = diff
    }

    public var summary: String {
        let count = { (kind: CatalogueDiff.Change.Kind) in diff.changes.count { $0.kind == kind } }
        let changedServices = Set(diff.changes.filter { $0.kind == .changed }.map(\.service)).count
        let breakingLines = diff.groups.count(where: \.isBreaking) + diff.ungrouped.count(where: \.isBreaking)
        let reached = Set(diff.breaking.map(\.service)).count
        return "\(count(.added)) added, \(count(.removed)) removed, \(count(.retired)) retired, \(count(.broughtLive)) brought live, "
            + "\(changedServices) changed; \(breakingLines) breaking" + (reached > breakingLines ? " (\(reached) services)" : "")
    }

    public func rendered(as format: Format) -> String {
        switch format {
        case .text: text
        case .markdown: markdown
        case .json: json
        }
    }

    /// One line of a section: a change made once to several services, or one service's change.
    private enum Line {
        case group(CatalogueDiff.Group)
        case change(CatalogueDiff.Change)
    }

    private var sections: [(title: String, lines: [Line])] {
        let kinds: [(String, CatalogueDiff.Change.Kind)] = [
            ("Added", .added), ("Removed", .removed), ("Retired", .retired), ("Brought live", .broughtLive), ("Changed", .changed),
        ]
        let breaking = diff.groups.filter(\.isBreaking).map(Line.group) + diff.ungrouped.filter(\.isBreaking).map(Line.change)
        return [("Breaking changes", breaking)] + kinds.map { title, kind in
            let groups = kind == .changed ? diff.groups.filter { !$0.isBreaking }.map(Line.group) : []
            return (title, groups + diff.ungrouped.filter { $0.kind == kind && !$0.isBreaking }.map(Line.change))
        }
    }

    private var isEmpty: Bool { diff.changes.isEmpty && diff.groups.isEmpty }

    /// "39 services", or the ids themselves when there are few.
    private func reach(_ group: CatalogueDiff.Group) -> String {
        group.services.count <= 3 ? group.services.joined(separator: ", ") : "\(group.services.count) services"
    }

    private var text: String {
        guard !isEmpty else { return "No changes to services.\n" }
        var lines: [String] = []
        for (title, entries) in sections where !entries.isEmpty {
            lines.append("\(title) (\(entries.count)):")
            for entry in entries {
                switch entry {
                case let .group(group): lines.append("  - \(group.message) — \(reach(group))")
                case let .change(change): lines.append("  - \(change.name) (\(change.service)): \(change.message)")
                }
            }
            lines.append("")
        }
        return (lines + [summary]).joined(separator: "\n") + "\n"
    }

    private var markdown: String {
        var lines = ["## Service catalogue changes", ""]
        guard !isEmpty else { return (lines + ["No changes to services."]).joined(separator: "\n") + "\n" }
        lines += ["**\(summary)**", ""]
        for (title, entries) in sections where !entries.isEmpty {
            lines.append(title == "Breaking changes" ? "### ⚠️ Breaking changes" : "### \(title)")
            lines.append("")
            for entry in entries {
                switch entry {
                case let .group(group):
                    lines.append("- **\(escape(group.message))** — \(group.services.count) \(group.services.count == 1 ? "service" : "services")")
                    guard !group.services.isEmpty else { continue }
                    // The services in a collapsed list, so that one change takes one line of the comment.
                    lines += ["  <details><summary>Which services</summary>", "",
                              "  " + group.services.map { "`\($0)`" }.joined(separator: ", "), "", "  </details>"]
                case let .change(change):
                    lines.append("- **\(escape(change.name))** (`\(change.service)`): \(escape(change.message))")
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private var json: String {
        JSONValue.fields([
            ("summary", .string(summary)),
            ("breaking", .int(diff.breaking.count)),
            ("groups", .array(diff.groups.map { group in
                .fields([("message", .string(group.message)), ("breaking", .bool(group.isBreaking)),
                         ("services", .array(group.services.map(JSONValue.string)))])
            })),
            ("changes", .array(diff.changes.map { change in
                .fields([
                    ("kind", .string(change.kind.rawValue)), ("service", .string(change.service)), ("name", .string(change.name)),
                    ("field", .text(change.field)), ("old", .text(change.old)), ("new", .text(change.new)),
                    ("breaking", .bool(change.isBreaking)), ("message", .string(change.message)),
                ])
            })),
        ]).serialized() + "\n"
    }

    /// Markdown's special characters in names and messages, so a name cannot change the comment's layout.
    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_{}[]<>#|!".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

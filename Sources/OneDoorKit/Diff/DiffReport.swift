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
        return "\(count(.added)) added, \(count(.removed)) removed, \(count(.retired)) retired, \(count(.broughtLive)) brought live, "
            + "\(changedServices) changed; \(diff.breaking.count) breaking"
    }

    public func rendered(as format: Format) -> String {
        switch format {
        case .text: text
        case .markdown: markdown
        case .json: json
        }
    }

    private var sections: [(title: String, changes: [CatalogueDiff.Change])] {
        let kinds: [(String, CatalogueDiff.Change.Kind)] = [
            ("Added", .added), ("Removed", .removed), ("Retired", .retired), ("Brought live", .broughtLive), ("Changed", .changed),
        ]
        return [("Breaking changes", diff.breaking)] + kinds.map { title, kind in
            (title, diff.changes.filter { $0.kind == kind && !$0.isBreaking })
        }
    }

    private var text: String {
        guard !diff.changes.isEmpty else { return "No changes to services.\n" }
        var lines: [String] = []
        for (title, changes) in sections where !changes.isEmpty {
            lines.append("\(title) (\(changes.count)):")
            lines += changes.map { "  - \($0.name) (\($0.service)): \($0.message)" }
            lines.append("")
        }
        return (lines + [summary]).joined(separator: "\n") + "\n"
    }

    private var markdown: String {
        var lines = ["## Service catalogue changes", ""]
        guard !diff.changes.isEmpty else { return (lines + ["No changes to services."]).joined(separator: "\n") + "\n" }
        lines += ["**\(summary)**", ""]
        for (title, changes) in sections where !changes.isEmpty {
            lines.append(title == "Breaking changes" ? "### ⚠️ Breaking changes" : "### \(title)")
            lines.append("")
            lines += changes.map { "- **\(escape($0.name))** (`\($0.service)`): \(escape($0.message))" }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private var json: String {
        JSONValue.fields([
            ("summary", .string(summary)),
            ("breaking", .int(diff.breaking.count)),
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

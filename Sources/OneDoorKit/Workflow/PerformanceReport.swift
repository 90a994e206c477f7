internal import Foundation

/// `onedoor report`: the board pack's tables for a board paper or an email — headlines, results by
/// priority (per customer when there are customers), tickets and satisfaction — for the periods up
/// to a chosen one.
public struct PerformanceReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case markdown, csv, json
    }

    /// The catalogue's settings: its title, and the names of its customers.
    let settings: CatalogueSettings
    let pack: BoardPack
    /// The periods shown, oldest first, ending with the chosen one.
    let periods: [Period]

    /// How many periods up to the chosen one the tables show.
    public static let periodsShown = 8

    /// The report of `catalogue` up to `period` (the latest when nil).
    public init(catalogue: Catalogue, period: Period? = nil) throws(ReportError) {
        let whole = BoardPack(PerformanceResults(catalogue))
        guard let latest = whole.periods.last else { throw .noResults }
        if let period, !whole.periods.contains(period) {
            throw .unknownPeriod(period.description, known: whole.periods.map(\.description))
        }
        settings = catalogue.settings
        pack = whole.ending(at: period ?? latest)
        periods = Array(pack.periods.suffix(Self.periodsShown))
    }

    public func rendered(as format: Format) -> String {
        switch format {
        case .markdown: markdown
        case .csv: csv
        case .json: json
        }
    }

    private var latest: Period { periods[periods.count - 1] }

    private var headlines: [String] {
        let names = Dictionary(pack.priorities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return pack.headlines(wording: Wording.english, priorityName: { names[$0] ?? $0 })
    }

    private func cell(_ result: PerformanceResults.Result?) -> String {
        guard let result, let achieved = result.shownAchieved else { return "—" }
        return Wording.english.share(achieved) + (result.met.map { $0 ? " met" : " missed" } ?? "")
    }

    private var markdown: String {
        var lines = ["# \(settings.title): performance to \(Wording.english.period(latest))", ""]
        if !headlines.isEmpty { lines += ["## Headlines", ""] + headlines.map { "- \($0)" } + [""] }
        let header = "| | " + periods.map { Wording.english.period($0, short: true) }.joined(separator: " | ") + " |"
        let rule = "|---|" + String(repeating: "---|", count: periods.count)
        for priority in pack.priorities {
            let grid = pack.customerGrid(priority: priority.id, periods: periods)
            guard grid.contains(where: { $0.cells.contains { $0 != nil } }) else { continue }
            let target = grid.lazy.flatMap(\.cells).compactMap { $0?.target }.last
            lines += ["## \(priority.name)" + (target.map { ": \(Wording.english.share($0.percent)) resolved within \(Wording.english.duration($0.resolve))" } ?? ""), ""]
            lines += [header, rule]
            for line in grid where line.customer == nil || line.cells.contains(where: { $0 != nil }) {
                lines.append("| \(line.customer.map(settings.customerName) ?? "All customers") | " + line.cells.map(cell).joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        let volumes = pack.volumes(periods: periods)
        lines += ["## Tickets resolved", "", "| Period | " + pack.priorities.map(\.name).joined(separator: " | ") + " | All | Opened |",
                  "|---|" + String(repeating: "---|", count: pack.priorities.count + 2)]
        for volume in volumes {
            lines.append("| \(Wording.english.period(volume.period)) | "
                + pack.priorities.map { Wording.english.number(volume.byPriority[$0.id] ?? 0) }.joined(separator: " | ")
                + " | \(Wording.english.number(volume.resolved)) | \(volume.opened.map(Wording.english.number) ?? "—") |")
        }
        let satisfaction = pack.satisfaction(periods: periods)
        if !satisfaction.isEmpty {
            lines += ["", "## Satisfaction", "", "| Period | Satisfied | Neutral | Dissatisfied | Net score |", "|---|---|---|---|---|"]
            for line in satisfaction {
                let answers = line.satisfaction
                lines.append("| \(Wording.english.period(line.period)) | \(answers.satisfied) | \(answers.neutral) | \(answers.dissatisfied) | "
                    + (answers.netScore.map { String(format: "%+.0f", $0) } ?? "—") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var shown: [PerformanceResults.Result] { pack.results.filter { periods.contains($0.period) } }

    private var csv: String {
        var lines = ["period,priority,customer,resolved,within_target,achieved,target,met"]
        for result in shown {
            lines.append([result.period.description, result.priority, result.customer ?? "", String(result.resolved),
                          String(result.withinTarget), result.achieved(toPlaces: 2).map { String(format: "%.2f", $0) } ?? "",
                          result.target.map { JSONValue.number($0.percent).serialized() } ?? "",
                          result.met.map { $0 ? "yes" : "no" } ?? ""].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var json: String {
        JSONValue.fields([
            ("title", .string(settings.title)),
            ("period", .string(latest.description)),
            ("periods", .array(periods.map { .string($0.description) })),
            ("headlines", .array(headlines.map(JSONValue.string))),
            ("results", .array(shown.map { result in
                .fields([
                    ("period", .string(result.period.description)), ("priority", .string(result.priority)),
                    ("customer", .text(result.customer)), ("resolved", .int(result.resolved)),
                    ("within_target", .int(result.withinTarget)),
                    ("achieved", result.achieved(toPlaces: 2).map(JSONValue.number)),
                    ("target", result.target.map { .number($0.percent) }), ("met", result.met.map(JSONValue.bool)),
                ])
            })),
            ("volumes", .array(pack.volumes(periods: periods).map { volume in
                .fields([("period", .string(volume.period.description)), ("resolved", .int(volume.resolved)),
                         ("opened", volume.opened.map(JSONValue.int))])
            })),
            ("satisfaction", .array(pack.satisfaction(periods: periods).map { line in
                .fields([("period", .string(line.period.description)), ("satisfied", .int(line.satisfaction.satisfied)),
                         ("neutral", .int(line.satisfaction.neutral)), ("dissatisfied", .int(line.satisfaction.dissatisfied))])
            })),
        ]).serialized() + "\n"
    }
}

/// Why there is no report to make.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    case noResults
    case unknownPeriod(String, known: [String])

    public var description: String {
        switch self {
        case .noResults: "the catalogue has no results: add performance/*.csv files (see docs/performance.md)"
        case let .unknownPeriod(period, known): "no results for \(period); the periods are \(known.joined(separator: ", "))"
        }
    }
}

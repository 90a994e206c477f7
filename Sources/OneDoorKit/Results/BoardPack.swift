internal import Foundation

/// The whole catalogue's results as a board pack presents them: achieved per priority and period,
/// per customer, ticket volumes, satisfaction, and headlines written from the data. Both
/// `performance.html` and `onedoor report` are made from it.
public struct BoardPack: Sendable {
    /// The whole catalogue's results, for everyone and per customer.
    public let results: [PerformanceResults.Result]
    /// The periods with results, oldest first.
    public let periods: [Period]
    public let customers: [String]
    let priorities: [Priority]

    public init(_ performance: PerformanceResults) {
        results = performance.catalogue
        periods = performance.periods
        customers = performance.customers
        priorities = performance.priorities
    }

    /// A board pack of the periods up to `last`, or all of them.
    public func ending(at last: Period?) -> BoardPack {
        guard let last else { return self }
        return BoardPack(results: results.filter { $0.period <= last }, periods: periods.filter { $0 <= last }, customers: customers,
                         priorities: priorities)
    }

    private init(results: [PerformanceResults.Result], periods: [Period], customers: [String], priorities: [Priority]) {
        (self.results, self.periods, self.customers, self.priorities) = (results, periods, customers, priorities)
    }

    /// One line of a priority's table: everyone (`customer` nil) or one customer, a cell a period.
    public struct Line: Sendable {
        public let customer: String?
        public let cells: [PerformanceResults.Result?]
    }

    /// A priority's results as a board reads them: a line for all customers, then one per customer.
    public func customerGrid(priority: String, periods: [Period]) -> [Line] {
        var cells: [String: PerformanceResults.Result] = [:]
        for result in results where result.priority == priority { cells["\(result.period) \(result.customer ?? "")"] = result }
        return ([nil] + customers.map(Optional.some)).map { customer in
            Line(customer: customer, cells: periods.map { cells["\($0) \(customer ?? "")"] })
        }
    }

    /// The tickets of one period, all priorities together.
    public struct Volume: Sendable {
        public let period: Period
        public let resolved: Int
        public let opened: Int?
        public let byPriority: [String: Int]
    }

    public func volumes(periods: [Period]) -> [Volume] {
        periods.map { period in
            let rows = results.filter { $0.period == period && $0.customer == nil }
            let opened = rows.compactMap(\.opened)
            return Volume(period: period, resolved: rows.reduce(0) { $0 + $1.resolved }, opened: opened.isEmpty ? nil : opened.reduce(0, +),
                          byPriority: Dictionary(rows.map { ($0.priority, $0.resolved) }, uniquingKeysWith: +))
        }
    }

    /// The satisfaction survey's answers in one period.
    public struct SatisfactionLine: Sendable {
        public let period: Period
        public let satisfaction: Measurement.Satisfaction
    }

    public func satisfaction(periods: [Period]) -> [SatisfactionLine] {
        periods.compactMap { period in
            let answers = results.filter { $0.period == period && $0.customer == nil }.compactMap(\.satisfaction)
            guard let first = answers.first else { return nil }
            return SatisfactionLine(period: period, satisfaction: answers.dropFirst().reduce(first, +))
        }
    }

    /// What a board should read first, in sentences: the priorities that missed their target in the
    /// latest period, those that missed it three periods in a row or more, and how the number of
    /// tickets changed since the period before.
    public func headlines(wording: Wording, priorityName: (String) -> String) -> [String] {
        guard let latest = periods.last else { return [] }
        var lines: [String] = []
        let everyone = results.filter { $0.customer == nil }
        let now = everyone.filter { $0.period == latest }
        let missed = now.filter { $0.met == false }
        for result in missed {
            guard let achieved = result.shownAchieved, let target = result.target else { continue }
            lines.append(wording("headline.missed", priorityName(result.priority), wording.period(latest), wording.share(achieved),
                                 wording.duration(target.resolve), wording.share(target.percent)))
        }
        if missed.isEmpty, now.contains(where: { $0.met == true }) {
            lines.append(wording("headline.all_met", wording.period(latest)))
        }
        for priority in priorities {
            let run = everyone.filter { $0.priority == priority.id }.sorted { $0.period < $1.period }.reversed().prefix { $0.met == false }
            if run.count >= 3, run.first?.period == latest, let start = run.last?.period {
                lines.append(wording("headline.run", priorityName(priority.id), String(run.count), wording.period(start)))
            }
        }
        if periods.count >= 2 {
            let previous = periods[periods.count - 2]
            let (before, after) = (volumes(periods: [previous])[0].resolved, volumes(periods: [latest])[0].resolved)
            // A month after a quarter is compared month for month.
            let perMonth = previous.length != latest.length
            let (old, new) = perMonth
                ? (Double(before) / Double(previous.length.rawValue), Double(after) / Double(latest.length.rawValue))
                : (Double(before), Double(after))
            if old > 0 {
                let change = (new - old) * 100 / old
                let amount = wording.percent(abs(change).rounded())
                let direction = abs(change) < 0.5 ? wording("headline.about_as_many")
                    : wording(change > 0 ? "headline.more" : "headline.fewer", amount)
                lines.append(perMonth
                    ? wording("headline.volume_month", wording.number(after), wording.period(latest), direction, wording.period(previous),
                              wording.number(Int(old.rounded())))
                    : wording("headline.volume", wording.number(after), wording.period(latest), direction, wording.period(previous),
                              wording.number(before)))
            }
        }
        return lines
    }
}

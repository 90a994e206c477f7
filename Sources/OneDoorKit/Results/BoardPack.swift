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
    public func headlines(periodName: (Period) -> String, priorityName: (String) -> String) -> [String] {
        guard let latest = periods.last else { return [] }
        var lines: [String] = []
        let everyone = results.filter { $0.customer == nil }
        let now = everyone.filter { $0.period == latest }
        let missed = now.filter { $0.met == false }
        for result in missed {
            guard let achieved = result.achieved, let target = result.target else { continue }
            lines.append("\(priorityName(result.priority)) missed its target in \(periodName(latest)): "
                + "\(Self.share(achieved)) resolved within \(target.resolve.spelledOut), against \(Self.share(target.percent)).")
        }
        if missed.isEmpty, now.contains(where: { $0.met == true }) {
            lines.append("Every priority met its target in \(periodName(latest)).")
        }
        for priority in priorities {
            let run = everyone.filter { $0.priority == priority.id }.sorted { $0.period < $1.period }.reversed().prefix { $0.met == false }
            if run.count >= 3, run.first?.period == latest, let start = run.last?.period {
                lines.append("\(priorityName(priority.id)) has missed its target \(run.count) periods in a row, since \(periodName(start)).")
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
                let amount = "\(Int(abs(change).rounded()))%"
                let direction = abs(change) < 0.5 ? "about as many as" : change > 0 ? "\(amount) more than" : "\(amount) fewer than"
                lines.append(perMonth
                    ? "\(Self.number(after)) tickets resolved in \(periodName(latest)): \(direction) the monthly average of \(periodName(previous)) (\(Self.number(Int(old.rounded()))))."
                    : "\(Self.number(after)) tickets resolved in \(periodName(latest)), \(direction) in \(periodName(previous)) (\(Self.number(before))).")
            }
        }
        return lines
    }

    /// `October 2026`, `Q3 2026`, `2026`; `Oct 2026` when `short`.
    public static func name(of period: Period, short: Bool = false) -> String {
        switch period.length {
        case .year: "\(period.year)"
        case .quarter: "Q\((period.firstMonth + 2) / 3) \(period.year)"
        case .month: "\(short ? String(monthNames[period.firstMonth - 1].prefix(3)) : monthNames[period.firstMonth - 1]) \(period.year)"
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// `95.8%`, `100%`.
    public static func share(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return (tenths % 10 == 0 ? String(tenths / 10) : oneDecimal(value)) + "%"
    }

    /// `95.8`, `-2.0`: one decimal, without Foundation's formatter, which costs more than a whole page
    /// of a catalogue's charts.
    public static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// `12,345`.
    public static func number(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }
}

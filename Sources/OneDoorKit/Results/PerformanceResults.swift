/// How each service, and the whole catalogue, did against its targets: the rows of `performance/*.csv`
/// added up by period, priority and customer, with the level achieved and whether it met the target.
/// Worked out once from the catalogue, for the pages, `catalogue.json` and `onedoor report`.
public struct PerformanceResults: Sendable {
    /// One period of one priority, for everyone or for one customer.
    public struct Result: Sendable, Equatable {
        public let period: Period
        public let priority: String
        /// Nil for everyone.
        public let customer: String?
        public let resolved: Int
        public let withinTarget: Int
        public let opened: Int?
        public let satisfaction: Measurement.Satisfaction?
        /// The target it is measured against: the service's own, else its support model's; for the
        /// whole catalogue, the strictest support model's.
        public let target: Target?

        /// The share resolved within the target's time, in percent; nil with no ticket resolved.
        public var achieved: Double? {
            resolved == 0 ? nil : Double(withinTarget) * 100 / Double(resolved)
        }

        /// Whether the achieved level is at least the target's percent, worked out in whole numbers so
        /// that 95 of 100 meets 95 % exactly; nil with no ticket resolved or no target.
        public var met: Bool? {
            guard resolved > 0, let target else { return nil }
            let thousandths = Int((target.percent * 1000).rounded())
            return withinTarget * 100_000 >= thousandths * resolved
        }

        func adding(_ other: Result) -> Result {
            Result(period: period, priority: priority, customer: customer, resolved: resolved + other.resolved,
                   withinTarget: withinTarget + other.withinTarget, opened: Self.sum(opened, other.opened),
                   satisfaction: Self.sum(satisfaction, other.satisfaction), target: target)
        }

        private static func sum<Value: Summable>(_ a: Value?, _ b: Value?) -> Value? {
            switch (a, b) {
            case let (a?, b?): a + b
            case let (a?, nil): a
            case let (nil, b?): b
            case (nil, nil): nil
            }
        }
    }

    /// The whole catalogue's results, for everyone (`customer` nil) and for each customer: the `*` rows
    /// when the files have any, else every service's rows added up.
    public let catalogue: [Result]
    /// The whole catalogue's own rows (`*`) as the files give them, each against the strictest target.
    public let catalogueRows: [Result]
    /// The priorities in the catalogue's order.
    public let priorities: [Priority]
    /// Each service's rows, by id: what `results(for:)` adds up against the service's targets as they
    /// are when it is asked (`onedoor serve` keeps these while a service's text changes).
    private let rowsByService: [String: [Measurement]]
    private let priorityOrder: [String: Int]

    public init(_ catalogue: Catalogue) {
        priorities = catalogue.settings.priorities
        priorityOrder = Dictionary(priorities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let byService = Dictionary(grouping: catalogue.measurements, by: \.serviceID)
        rowsByService = byService.filter { $0.key != Measurement.wholeCatalogue }
        let serviceIDs = Set(catalogue.services.map(\.id))
        let strictest = { (priority: String) -> Target? in
            catalogue.supportModels.compactMap { $0.targets.first { $0.priority.value == priority } }
                .max { ($0.percent, -$0.resolve.approximateMinutes) < ($1.percent, -$1.resolve.approximateMinutes) }
        }
        let wholeRows = byService[Measurement.wholeCatalogue] ?? catalogue.measurements.filter { serviceIDs.contains($0.serviceID) }
        catalogueRows = Self.totals(byService[Measurement.wholeCatalogue] ?? [], byCustomer: true, order: priorityOrder, target: strictest)
        let hasCustomers = wholeRows.contains { $0.customer != nil }
        let everyone = Self.totals(wholeRows, byCustomer: false, order: priorityOrder, target: strictest)
        self.catalogue = hasCustomers
            ? Self.sorted(everyone + Self.totals(wholeRows.filter { $0.customer != nil }, byCustomer: true, order: priorityOrder, target: strictest),
                          order: priorityOrder)
            : everyone
    }

    /// A service's results for everyone (its customers' rows added up), by priority (in the
    /// catalogue's order), then period, each against the service's own target, else its model's.
    public func results(for service: Service, model: SupportModel?) -> [Result] {
        guard let rows = rowsByService[service.id] else { return [] }
        let targets = service.effectiveTargets(model: model, priorities: priorities)
        return Self.totals(rows, byCustomer: false, order: priorityOrder) { priority in
            targets.first { $0.target.priority.value == priority }?.target
        }
    }

    /// A service's rows as the files give them, one for each period, priority and customer, each
    /// against the service's target.
    public func rows(for service: Service, model: SupportModel?) -> [Result] {
        guard let rows = rowsByService[service.id] else { return [] }
        let targets = service.effectiveTargets(model: model, priorities: priorities)
        return Self.totals(rows, byCustomer: true, order: priorityOrder) { priority in
            targets.first { $0.target.priority.value == priority }?.target
        }
    }

    /// The ids of the services that have rows.
    public var measuredServices: [String] { rowsByService.keys.sorted() }

    /// Rows added up by period, priority and, when `byCustomer`, customer.
    private static func totals(_ rows: [Measurement], byCustomer: Bool, order: [String: Int], target: (String) -> Target?) -> [Result] {
        struct Key: Hashable {
            let period: Period
            let priority: String
            let customer: String?
        }
        var totals: [Key: Result] = [:]
        // Each priority's target, looked up once: the whole catalogue's totals run over every row.
        var targets: [String: Target?] = [:]
        for row in rows {
            let customer = byCustomer ? row.customer : nil
            let key = Key(period: row.period, priority: row.priorityID, customer: customer)
            let known = totals[key]
            let rowTarget: Target?
            if let known {
                rowTarget = known.target
            } else if let cached = targets[row.priorityID] {
                rowTarget = cached
            } else {
                rowTarget = target(row.priorityID)
                targets[row.priorityID] = rowTarget
            }
            let result = Result(period: row.period, priority: row.priorityID, customer: customer, resolved: row.resolved,
                                withinTarget: row.withinTarget, opened: row.opened, satisfaction: row.satisfaction,
                                target: rowTarget)
            totals[key] = known.map { $0.adding(result) } ?? result
        }
        return sorted(Array(totals.values), order: order)
    }

    /// Results in the priorities' order, then by period, then by customer (everyone first). The keys
    /// are sorted with the results' places, and the results moved once.
    private static func sorted(_ results: [Result], order: [String: Int]) -> [Result] {
        results.indices.map { SortKey(results[$0], place: order[results[$0].priority] ?? .max, index: $0) }
            .sorted(by: SortKey.precedes).map { results[$0.index] }
    }

    /// Where a result goes, worked out once as whole numbers (the priority's place, the period's first
    /// month and its length) rather than at every comparison: a build sorts every measured service's results.
    private struct SortKey {
        let place: Int
        let month: Int
        /// Negative, so that a longer period comes before a shorter one that starts with it.
        let length: Int
        let priority: String
        let customer: String
        /// The result's place in the list sorted.
        let index: Int

        init(_ result: Result, place: Int, index: Int) {
            (self.place, month, length) = (place, result.period.months.lowerBound, -result.period.months.count)
            (priority, customer, self.index) = (result.priority, result.customer ?? "", index)
        }

        static func precedes(_ a: SortKey, _ b: SortKey) -> Bool {
            if (a.place, a.month, a.length) != (b.place, b.month, b.length) { return (a.place, a.month, a.length) < (b.place, b.month, b.length) }
            if a.priority != b.priority { return a.priority < b.priority }
            return a.customer < b.customer
        }
    }

    public var isEmpty: Bool { catalogue.isEmpty && rowsByService.isEmpty }

    /// The periods the whole catalogue has results for, oldest first.
    public var periods: [Period] { Array(Set(catalogue.map(\.period))).sorted() }

    /// The customers the whole catalogue's results name, sorted.
    public var customers: [String] { Array(Set(catalogue.compactMap(\.customer))).sorted() }
}

/// Totals a result adds up, when both sides have them.
protocol Summable {
    static func + (lhs: Self, rhs: Self) -> Self
}

extension Int: Summable {}
extension Measurement.Satisfaction: Summable {}

extension Service {
    /// Its support model's targets with its own overrides in their place, in the priorities' order.
    public func effectiveTargets(model: SupportModel?, priorities: [Priority]) -> [(target: Target, isOverride: Bool)] {
        let base = model?.targets ?? []
        return priorities.compactMap { priority in
            if let override = self.targets.first(where: { $0.priority.value == priority.id }) { return (override, true) }
            return base.first { $0.priority.value == priority.id }.map { ($0, false) }
        }
    }
}

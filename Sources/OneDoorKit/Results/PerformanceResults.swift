internal import Foundation

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

        /// The achieved level to `places` decimals, as pages (one) and files (two) give it — cut to two
        /// rather than rounded when rounding would show a missed target's level as reaching it: 8,672 of
        /// 8,760 (98.995 %) against 99 % is 98.99 %, not 99.0 %. Nil with no ticket resolved.
        public func achieved(toPlaces places: Int) -> Double? {
            guard let achieved else { return nil }
            let scale = pow(10, Double(places))
            let rounded = (achieved * scale).rounded() / scale
            guard met == false, let target, rounded >= target.percent else { return rounded }
            return (achieved * 100).rounded(.down) / 100
        }

        /// The achieved level as pages and reports show it: `achieved(toPlaces: 1)`.
        public var shownAchieved: Double? { achieved(toPlaces: 1) }

        /// Whether the achieved level is at least the target's percent, worked out in whole numbers so
        /// that 95 of 100 meets 95 % exactly; nil with no ticket resolved or no target.
        public var met: Bool? {
            guard resolved > 0, let target else { return nil }
            let thousandths = Int((target.percent * 1000).rounded())
            return withinTarget * 100_000 >= thousandths * resolved
        }
    }

    /// Rows added up for one period, priority and customer, before a target is put beside them.
    private struct Total: Sendable {
        let period: Period
        let priority: String
        let customer: String?
        var resolved: Int
        var withinTarget: Int
        var opened: Int?
        var satisfaction: Measurement.Satisfaction?

        init(_ row: Measurement, customer: String?) {
            (period, priority, self.customer) = (row.period, row.priorityID, customer)
            (resolved, withinTarget, opened, satisfaction) = (row.resolved, row.withinTarget, row.opened, row.satisfaction)
        }

        mutating func add(_ other: Total) {
            resolved += other.resolved
            withinTarget += other.withinTarget
            opened = Self.sum(opened, other.opened)
            satisfaction = Self.sum(satisfaction, other.satisfaction)
        }

        func hasKey(of other: Total) -> Bool {
            period == other.period && priority == other.priority && customer == other.customer
        }

        func against(_ target: Target?) -> Result {
            Result(period: period, priority: priority, customer: customer, resolved: resolved, withinTarget: withinTarget,
                   opened: opened, satisfaction: satisfaction, target: target)
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
    /// Each service's rows added up, by id, before any target is put beside them: `results(for:)` and
    /// `rows(for:)` put the service's targets as they are when asked (`onedoor serve` keeps these while
    /// a service's text changes). Added up once, for the service's page, the board pack and `catalogue.json`.
    private let totalsByService: [String: ServiceTotals]
    private let priorityOrder: [String: Int]
    /// The customers `catalogue.yaml` lists, in its order.
    private let listedCustomers: [String]

    private struct ServiceTotals: Sendable {
        let everyone: [Total]
        /// Nil when no row names a customer: the same as `everyone`.
        let byCustomer: [Total]?
    }

    public init(_ catalogue: Catalogue) {
        priorities = catalogue.settings.priorities
        listedCustomers = catalogue.settings.customers.map(\.id)
        let order = Dictionary(priorities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        priorityOrder = order
        // Rows by service as their places, not copies: an export may have hundreds of thousands.
        let rows = catalogue.measurements
        // An export lists a service's rows one after another, most often: its id is looked up once a run.
        var byService: [String: [Int]] = [:]
        var runStart = rows.startIndex
        while runStart < rows.endIndex {
            let id = rows[runStart].serviceID
            var runEnd = runStart + 1
            while runEnd < rows.endIndex, rows[runEnd].serviceID == id { runEnd += 1 }
            byService[id, default: []].append(contentsOf: runStart..<runEnd)
            runStart = runEnd
        }
        let measured = byService.filter { $0.key != Measurement.wholeCatalogue }.map { (id: $0.key, places: $0.value) }
        let totals = measured.concurrentMap { _, places in
            let serviceRows = places.lazy.map { rows[$0] }
            return ServiceTotals(everyone: Self.totals(serviceRows, byCustomer: false, order: order),
                                 byCustomer: serviceRows.contains { $0.customer != nil } ? Self.totals(serviceRows, byCustomer: true, order: order) : nil)
        }
        let totalsByService = Dictionary(uniqueKeysWithValues: zip(measured.map(\.id), totals))
        self.totalsByService = totalsByService
        let strictest = { (priority: String) -> Target? in
            catalogue.supportModels.compactMap { $0.targets.first { $0.priority.value == priority } }
                .max { ($0.percent, -$0.resolve.approximateMinutes) < ($1.percent, -$1.resolve.approximateMinutes) }
        }
        let againstStrictest = { (totals: [Total]) in totals.map { $0.against(strictest($0.priority)) } }
        let ownRows = byService[Measurement.wholeCatalogue]
        catalogueRows = againstStrictest(Self.totals((ownRows ?? []).lazy.map { rows[$0] }, byCustomer: true, order: order))
        // For everyone, and for each customer: the whole catalogue's own rows, else every service's
        // totals (a few a service, where its rows may be thousands), added up in one merge.
        let parts: [Total]
        if let ownRows {
            let wholeRows = ownRows.map { rows[$0] }
            parts = wholeRows.map { Total($0, customer: nil) } + wholeRows.compactMap { row in row.customer.map { Total(row, customer: $0) } }
        } else {
            // Merged a share of the services at a time on every core, then the shares' few totals merged.
            let services = catalogue.services.compactMap { totalsByService[$0.id] }
            let shareSize = 256
            let shares = stride(from: 0, to: services.count, by: shareSize).map { services[$0..<min($0 + shareSize, services.count)] }
            parts = shares.concurrentMap { share in
                Self.merged(share.flatMap(\.everyone) + share.flatMap { ($0.byCustomer ?? []).filter { $0.customer != nil } }, order: order)
            }.flatMap { $0 }
        }
        self.catalogue = againstStrictest(Self.merged(parts, order: order))
    }

    /// A service's results for everyone (its customers' rows added up), by priority (in the
    /// catalogue's order), then period, each against the service's own target, else its model's.
    public func results(for service: Service, model: SupportModel?) -> [Result] {
        guard let totals = totalsByService[service.id] else { return [] }
        return Self.against(service.effectiveTargets(model: model, priorities: priorities), totals.everyone)
    }

    /// A service's rows as the files give them, one for each period, priority and customer, each
    /// against the service's target.
    public func rows(for service: Service, model: SupportModel?) -> [Result] {
        guard let totals = totalsByService[service.id] else { return [] }
        return Self.against(service.effectiveTargets(model: model, priorities: priorities), totals.byCustomer ?? totals.everyone)
    }

    /// Totals sorted by priority, each against its priority's target, looked up once a priority.
    private static func against(_ targets: [(target: Target, isOverride: Bool)], _ totals: [Total]) -> [Result] {
        var current: (priority: String, target: Target?)?
        return totals.map { total in
            if current?.priority != total.priority {
                current = (total.priority, targets.first { $0.target.priority.value == total.priority }?.target)
            }
            return total.against(current?.target)
        }
    }

    /// The ids of the services that have rows.
    public var measuredServices: [String] { totalsByService.keys.sorted() }

    /// Rows added up by period, priority and, when `byCustomer`, customer, in `sorted`'s order.
    private static func totals(_ rows: some Sequence<Measurement>, byCustomer: Bool, order: [String: Int]) -> [Total] {
        merged(rows.map { Total($0, customer: byCustomer ? $0.customer : nil) }, order: order)
    }

    /// Totals of the same period, priority and customer added up, in `sorted`'s order: sorted first,
    /// so that those to add up are side by side. A build adds up every measured service's rows.
    private static func merged(_ totals: [Total], order: [String: Int]) -> [Total] {
        var merged: [Total] = []
        merged.reserveCapacity(totals.count)
        for total in sorted(totals, order: order) {
            if let last = merged.last, last.hasKey(of: total) {
                merged[merged.count - 1].add(total)
            } else {
                merged.append(total)
            }
        }
        return merged
    }

    /// Totals in the priorities' order, then by period (a longer one before a shorter one that starts
    /// with it), then by customer (everyone first). The priority's place and the period are one whole
    /// number for each total, worked out once: a build sorts every measured service's totals.
    private static func sorted(_ totals: [Total], order: [String: Int]) -> [Total] {
        let ranks = totals.map { total in
            let months = total.period.months
            return min(order[total.priority] ?? .max, 1 << 30) << 32 | months.lowerBound << 4 | (15 - months.count)
        }
        return totals.indices.sorted { a, b in
            if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
            if totals[a].priority != totals[b].priority { return totals[a].priority < totals[b].priority }
            return (totals[a].customer ?? "") < (totals[b].customer ?? "")
        }
        .map { totals[$0] }
    }

    public var isEmpty: Bool { catalogue.isEmpty && totalsByService.isEmpty }

    /// The periods the whole catalogue has results for, oldest first.
    public var periods: [Period] { Array(Set(catalogue.map(\.period))).sorted() }

    /// The customers the whole catalogue's results name: in the order `catalogue.yaml` lists them,
    /// else sorted.
    public var customers: [String] {
        let named = Set(catalogue.compactMap(\.customer))
        return listedCustomers.filter(named.contains) + named.subtracting(listedCustomers).sorted()
    }
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

/// The notices as they stand at one moment ("now": the build's time, or `SOURCE_DATE_EPOCH`): which
/// are current, upcoming or past, and the state each service is in because of them, through its
/// dependencies too.
public struct NoticeBoard: Sendable {
    /// How many days before its start a planned change is shown as upcoming.
    public static let upcomingDays = 14

    public enum Phase: String, Sendable {
        /// Started and not ended (an incident without `end` stays current).
        case current
        /// A planned change starting within `upcomingDays`.
        case upcoming
        /// Starts later than that (or an incident or announcement dated in the future).
        case scheduled
        /// Ended.
        case past
    }

    /// A notice with its times as moments.
    public struct Entry: Sendable {
        public let notice: Notice
        public let phase: Phase
        /// Seconds since 1970.
        public let start: Int
        public let end: Int?
        public let published: Int
        /// The latest of its publication, start, updates and end that is not after now, else when it
        /// was published (its start unless `published` says): the time it last changed, for the feed.
        public let updated: Int
    }

    /// What a service is going through now.
    public enum State: Sendable, Equatable {
        /// A current incident names it.
        case disrupted([String])
        /// A current planned change names it (and no current incident does).
        case maintenance([String])
        /// It depends, directly or through others, on a disrupted or maintained service: the path from
        /// it to that service, itself first.
        case mayBeAffected(through: [String])
    }

    public let now: Int
    public let timeZone: CatalogueTimeZone
    /// Every notice, newest first (by start, then id).
    public let entries: [Entry]
    /// The state of each service that is not running as usual, by id.
    public let states: [String: State]
    /// Who depends on whom, which the states were worked out from.
    public let graph: DependencyGraph

    public init(catalogue: Catalogue, now: Int) {
        self.now = now
        let zone = catalogue.settings.timeZone
        timeZone = zone
        entries = catalogue.notices.map { Self.entry($0, zone: zone, now: now) }
            .sorted { ($0.start, $1.notice.id) > ($1.start, $0.notice.id) }
        graph = DependencyGraph(catalogue)
        states = Self.states(entries: entries, graph: graph)
    }

    /// The notices current or upcoming, newest first.
    public var active: [Entry] { entries.filter { $0.phase == .current || $0.phase == .upcoming } }

    /// The current or upcoming notices that name a service.
    public func active(naming service: String) -> [Entry] {
        active.filter { entry in entry.notice.services.contains { $0.value == service } }
    }

    /// The services that depend on those a notice names, directly or through others, nearest first,
    /// each once with a shortest path to a named one.
    public func reach(of notice: Notice) -> [DependencyGraph.Impact] {
        var seen = Set(notice.services.map(\.value))
        return notice.services.flatMap { graph.dependents(of: $0.value) }.filter { seen.insert($0.service).inserted }
    }

    private static func entry(_ notice: Notice, zone: CatalogueTimeZone, now: Int) -> Entry {
        let start = zone.secondsSince1970(of: notice.start.value)
        let end = notice.end.map { zone.secondsSince1970(of: $0.value) }
        let phase: Phase
        if let end, end <= now {
            phase = .past
        } else if start <= now {
            phase = .current
        } else if notice.kind == .plannedChange, start - now <= upcomingDays * 86_400 {
            phase = .upcoming
        } else {
            phase = .scheduled
        }
        let published = notice.published.map { zone.secondsSince1970(of: $0.value) } ?? start
        let times = [published, start] + notice.updates.map { zone.secondsSince1970(of: $0.at.value) } + (end.map { [$0] } ?? [])
        return Entry(notice: notice, phase: phase, start: start, end: end, published: published,
                     updated: times.filter { $0 <= now }.max() ?? published)
    }

    private static func states(entries: [Entry], graph: DependencyGraph) -> [String: State] {
        var incidents: [String: [String]] = [:], changes: [String: [String]] = [:]
        for entry in entries where entry.phase == .current {
            for service in entry.notice.services {
                switch entry.notice.kind {
                case .incident: incidents[service.value, default: []].append(entry.notice.id)
                case .plannedChange: changes[service.value, default: []].append(entry.notice.id)
                case .announcement: break
                }
            }
        }
        var states: [String: State] = [:]
        // The services that depend on an affected one, nearest first: the shortest path is kept.
        for source in Set(incidents.keys).union(changes.keys).sorted() {
            for impact in graph.dependents(of: source) where states[impact.service] == nil || isLonger(states[impact.service]!, than: impact.path) {
                states[impact.service] = .mayBeAffected(through: impact.path)
            }
        }
        for (service, notices) in changes { states[service] = .maintenance(notices) }
        for (service, notices) in incidents { states[service] = .disrupted(notices) }
        return states
    }

    private static func isLonger(_ state: State, than path: [String]) -> Bool {
        guard case let .mayBeAffected(through: existing) = state else { return false }
        return existing.count > path.count
    }
}

internal import Foundation

/// What the pages need to know across the catalogue, computed once: who depends on whom,
/// which services sit in which category, team and support model.
///
/// - Complexity: O(*n* log *n*) in the number of services.
struct SiteIndex: Sendable {
    private(set) var catalogue: Catalogue
    private(set) var servicesByID: [String: Service]
    let categoriesByID: [String: Category]
    let teamsByID: [String: Team]
    let supportModelsByID: [String: SupportModel]
    let prioritiesByID: [String: Priority]
    /// Services in display order: by name, ignoring case and accents, then by id.
    private(set) var servicesByName: [Service]
    private(set) var servicesInCategory: [String: [Service]]
    private(set) var servicesOfTeam: [String: [Service]]
    private(set) var servicesOfSupportModel: [String: [Service]]
    private(set) var dependents: [String: [Service]]
    let subcategories: [String: [Category]]
    /// Services in a category and all its sub-categories.
    let totalInCategory: [String: Int]
    /// Results against targets, from `performance/*.csv`. An edit of a service's text leaves it as it is:
    /// it works out a service's results when asked, with the service's targets of the moment.
    let performance: PerformanceResults
    /// The notices at the build's time, and the state of each service they touch.
    private(set) var board: NoticeBoard

    /// The index of `catalogue` at `now` (seconds since 1970), which notices are compared with.
    init(_ catalogue: Catalogue, now: Int) {
        // An export of hundreds of thousands of rows takes as long to add up as the rest of the index.
        let results = BackgroundJob { PerformanceResults(catalogue) }
        self.catalogue = catalogue
        servicesByID = Dictionary(catalogue.services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        categoriesByID = Dictionary(catalogue.categories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        teamsByID = Dictionary(catalogue.teams.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        supportModelsByID = Dictionary(catalogue.supportModels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        prioritiesByID = Dictionary(catalogue.settings.priorities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let byName = catalogue.services
            .map { (key: SiteIndex.sortKey($0.name), service: $0) }
            .sorted { ($0.key, $0.service.id) < ($1.key, $1.service.id) }
            .map(\.service)
        servicesByName = byName
        servicesInCategory = Dictionary(grouping: byName, by: \.category.value)
        servicesOfTeam = Dictionary(grouping: byName, by: \.owner.value)
        servicesOfSupportModel = Dictionary(grouping: byName, by: \.supportModel.value)
        dependents = Self.dependents(in: byName)
        subcategories = Dictionary(grouping: catalogue.categories.filter { $0.parent != nil }, by: { $0.parent!.value })
        var totals: [String: Int] = [:]
        for category in catalogue.categories {
            // Walk up the parents; the checker has refused cycles before anything is rendered.
            var current: String? = category.id
            var seen: Set<String> = []
            let count = servicesInCategory[category.id]?.count ?? 0
            while let id = current, seen.insert(id).inserted {
                totals[id, default: 0] += count
                current = categoriesByID[id]?.parent?.value
            }
        }
        totalInCategory = totals
        performance = results.value
        board = NoticeBoard(catalogue: catalogue, now: now)
    }

    /// The index of a catalogue in which only the services at `changed` positions were edited since
    /// `previous` was made (`onedoor serve`). When none of them changed its id, name, category, owner
    /// or support model, the edited services take the places of the old ones (and who depends on whom
    /// is worked out again if dependencies changed); otherwise the index is made again.
    static func updating(_ previous: SiteIndex, catalogue: Catalogue, changed: [Int]) -> SiteIndex {
        let old = previous.catalogue.services
        let inPlace = changed.allSatisfy { position in
            let (before, after) = (old[position], catalogue.services[position])
            return before.id == after.id && before.name == after.name && before.category.value == after.category.value
                && before.owner.value == after.owner.value && before.supportModel.value == after.supportModel.value
        }
        guard inPlace, old.count == catalogue.services.count else { return SiteIndex(catalogue, now: previous.board.now) }
        let sameDependencies = changed.allSatisfy { old[$0].dependsOn.map(\.value) == catalogue.services[$0].dependsOn.map(\.value) }
        var index = previous
        index.catalogue = catalogue
        func replace(_ service: Service, in list: inout [Service]) {
            if let at = list.firstIndex(where: { $0.id == service.id }) { list[at] = service }
        }
        for position in changed {
            let service = catalogue.services[position]
            index.servicesByID[service.id] = service
            replace(service, in: &index.servicesByName)
            replace(service, in: &index.servicesInCategory[service.category.value, default: []])
            replace(service, in: &index.servicesOfTeam[service.owner.value, default: []])
            replace(service, in: &index.servicesOfSupportModel[service.supportModel.value, default: []])
            if sameDependencies {
                for dependency in service.dependsOn { replace(service, in: &index.dependents[dependency.value, default: []]) }
            }
        }
        if !sameDependencies {
            index.dependents = dependents(in: index.servicesByName)
            index.board = NoticeBoard(catalogue: catalogue, now: previous.board.now)
        }
        return index
    }

    /// For each id, the services that depend on it, in the order of `services`.
    private static func dependents(in services: [Service]) -> [String: [Service]] {
        var dependents: [String: [Service]] = [:]
        for service in services {
            for dependency in service.dependsOn { dependents[dependency.value, default: []].append(service) }
        }
        return dependents
    }

    /// Case- and accent-insensitive key, so "Éducation" sorts with "Education".
    static func sortKey(_ text: String) -> String {
        // Plain ASCII has no accents: lower-casing is the whole of it, and much cheaper than folding.
        if text.isASCII { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Top-level categories, in display order.
    var topCategories: [Category] {
        catalogue.categories.filter { $0.parent == nil || categoriesByID[$0.parent!.value] == nil }
    }

    /// The support model's targets with the service's overrides put in their place, in priority order.
    func effectiveTargets(of service: Service) -> [(target: Target, isOverride: Bool)] {
        service.effectiveTargets(model: supportModelsByID[service.supportModel.value], priorities: catalogue.settings.priorities)
    }
}

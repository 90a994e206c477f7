/// Lookups by id over a catalogue, built once so every rule stays linear.
struct CatalogueIndex {
    let catalogue: Catalogue
    let services: [String: Service]
    /// The ids alone, so that asking whether one exists copies no entry.
    let serviceIDs: Set<String>
    let categoryIDs: Set<String>
    let teams: Set<String>
    let supportModels: Set<String>
    let priorities: Set<String>
    let unreadable: UnreadableIDs

    init(_ catalogue: Catalogue) {
        self.catalogue = catalogue
        services = Dictionary(catalogue.services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        serviceIDs = Set(catalogue.services.map(\.id))
        categoryIDs = Set(catalogue.categories.map(\.id))
        teams = Set(catalogue.teams.map(\.id))
        supportModels = Set(catalogue.supportModels.map(\.id))
        priorities = Set(catalogue.settings.priorities.map(\.id))
        unreadable = catalogue.unreadable
    }

    /// True when `id` names a service, readable or not.
    func serviceExists(_ id: String) -> Bool {
        serviceIDs.contains(id) || unreadable.services.contains(id)
    }

    /// The ids of one kind, in the order of their files, for "did you mean" hints.
    func ids(of kind: ReferenceUse.Kind) -> [String] {
        switch kind {
        case .category: catalogue.categories.map(\.id)
        case .team: catalogue.teams.map(\.id)
        case .supportModel: catalogue.supportModels.map(\.id)
        case .service: catalogue.services.map(\.id)
        }
    }
}

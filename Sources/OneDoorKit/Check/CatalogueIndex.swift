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
    let customers: Set<String>
    let unreadable: UnreadableIDs
    /// "Did you mean" hints for each kind of id, in the order of their files, and for priorities and customers.
    private let suggestions: [ReferenceUse.Kind: SuggestionIndex]
    let prioritySuggestions: SuggestionIndex
    let customerSuggestions: SuggestionIndex
    /// The anchors of service pages, for links to a heading.
    let anchors: AnchorIndex

    init(_ catalogue: Catalogue, pageIDs: Set<String>) {
        anchors = AnchorIndex(pageIDs: pageIDs)
        self.catalogue = catalogue
        services = Dictionary(catalogue.services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        serviceIDs = Set(catalogue.services.map(\.id))
        categoryIDs = Set(catalogue.categories.map(\.id))
        teams = Set(catalogue.teams.map(\.id))
        supportModels = Set(catalogue.supportModels.map(\.id))
        priorities = Set(catalogue.settings.priorities.map(\.id))
        customers = Set(catalogue.settings.customers.map(\.id))
        unreadable = catalogue.unreadable
        suggestions = [
            .category: SuggestionIndex(catalogue.categories.map(\.id)), .team: SuggestionIndex(catalogue.teams.map(\.id)),
            .supportModel: SuggestionIndex(catalogue.supportModels.map(\.id)), .service: SuggestionIndex(catalogue.services.map(\.id)),
        ]
        prioritySuggestions = SuggestionIndex(catalogue.settings.priorities.map(\.id).sorted())
        customerSuggestions = SuggestionIndex(catalogue.settings.customers.map(\.id).sorted())
    }

    /// True when `id` names a service, readable or not.
    func serviceExists(_ id: String) -> Bool {
        serviceIDs.contains(id) || unreadable.services.contains(id)
    }

    /// True when `id` names a priority, or may: when `catalogue.yaml` cannot be read, every one may.
    func priorityExists(_ id: String) -> Bool {
        unreadable.allPriorities || priorities.contains(id) || unreadable.priorities.contains(id)
    }

    /// True when `id` names a customer, or may: when `catalogue.yaml` lists none, any id will do.
    func customerExists(_ id: String) -> Bool {
        (customers.isEmpty && unreadable.customers.isEmpty) || customers.contains(id) || unreadable.customers.contains(id)
    }

    /// The id of `kind` that `word` is likely a misspelling of.
    func closest(to word: String, of kind: ReferenceUse.Kind) -> String? {
        suggestions[kind]!.closest(to: word)
    }
}

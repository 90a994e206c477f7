/// Every id a field names exists, and every support model has one target per priority.
enum ReferenceRules {
    /// Categories' parents, support models' targets, and the ids named by service files that could
    /// not be read whole.
    static func check(_ catalogue: Catalogue, index: CatalogueIndex) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for category in catalogue.categories {
            if let parent = category.parent, !index.categoryIDs.contains(parent.value),
               !index.unreadable.categories.contains(parent.value) {
                findings.append(unknown("parent category", parent, closest: index.closest(to: parent.value, of: .category),
                                        file: CatalogueLoader.categoriesFile))
            }
        }
        for model in catalogue.supportModels {
            findings += targetCoverage(model, catalogue: catalogue, index: index)
        }
        findings += catalogue.unreadable.serviceReferences.compactMap { check($0, index: index) }
        return findings
    }

    /// The ids one service names, and its targets' priorities.
    static func check(_ service: Service, index: CatalogueIndex) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        service.forEachReference { use in
            if let finding = check(use, index: index) { findings.append(finding) }
        }
        if !service.targets.isEmpty {
            findings += priorities(of: service.targets, index: index, owner: "service '\(service.id)'")
        }
        return findings
    }

    private static func check(_ use: ReferenceUse, index: CatalogueIndex) -> Diagnostic? {
        guard !exists(use, index: index) else { return nil }
        let file = switch use.kind {
        case .category: CatalogueLoader.categoriesFile
        case .team: CatalogueLoader.teamsFile
        case .supportModel: CatalogueLoader.supportModelsFile
        case .service: "services/"
        }
        return unknown(use.kind.rawValue, use.reference, closest: index.closest(to: use.reference.value, of: use.kind), file: file)
    }

    /// A support model's targets name each priority exactly once.
    private static func targetCoverage(_ model: SupportModel, catalogue: Catalogue, index: CatalogueIndex) -> [Diagnostic] {
        var findings = priorities(of: model.targets, index: index, owner: "support model '\(model.id)'")
        guard !index.unreadable.allPriorities else { return findings }
        let named = Set(model.targets.map(\.priority.value))
        for priority in catalogue.settings.priorities where !named.contains(priority.id) {
            findings.append(.error(.missingTarget, at: model.location,
                "support model '\(model.id)' has no target for priority '\(priority.id)'; add a target with 'priority: \(priority.id)', 'resolve' and 'percent'"))
        }
        return findings
    }

    /// Targets name existing priorities, each once.
    private static func priorities(of targets: [Target], index: CatalogueIndex, owner: String) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var seen: Set<String> = []
        for target in targets {
            let id = target.priority.value
            if !seen.insert(id).inserted {
                findings.append(.error(.duplicateTarget, at: target.priority.location,
                    "\(owner) has two targets for priority '\(id)'; keep one"))
            } else if !index.priorityExists(id) {
                findings.append(unknown("priority", target.priority, closest: index.prioritySuggestions.closest(to: id),
                                        file: CatalogueLoader.settingsFile))
            }
        }
        return findings
    }

    private static func exists(_ use: ReferenceUse, index: CatalogueIndex) -> Bool {
        let id = use.reference.value
        switch use.kind {
        case .category:
            return index.unreadable.allCategories || index.categoryIDs.contains(id) || index.unreadable.categories.contains(id)
        case .team: return index.unreadable.allTeams || index.teams.contains(id) || index.unreadable.teams.contains(id)
        case .supportModel:
            return index.unreadable.allSupportModels || index.supportModels.contains(id) || index.unreadable.supportModels.contains(id)
        case .service: return index.serviceExists(id)
        }
    }

    /// A customer that `catalogue.yaml` does not list, where it lists `customers`.
    static func unknownCustomer(_ customer: Reference, index: CatalogueIndex) -> Diagnostic {
        unknown("customer", customer, closest: index.customerSuggestions.closest(to: customer.value),
                file: "\(CatalogueLoader.settingsFile) (customers)")
    }

    /// An unknown id, with the known one it is likely a misspelling of.
    static func unknown(_ kind: String, _ reference: Reference, closest hint: String?, file: String) -> Diagnostic {
        let fix = hint.map { " (did you mean '\($0)'?)" } ?? "; use an id defined in \(file)"
        return .error(.unknownReference, at: reference.location, "unknown \(kind) '\(reference.value)'\(fix)")
    }
}

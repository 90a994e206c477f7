/// Runs every rule of the format over a catalogue that has been read.
public struct CatalogueChecker: Sendable {
    /// The day `last_reviewed` is compared with.
    public let today: Day
    /// The ids the portal's templates write on every service page, which links to a heading may name.
    public let pageIDs: Set<String>

    public init(today: Day, pageIDs: Set<String>) {
        self.today = today
        self.pageIDs = pageIDs
    }

    /// Every finding about the catalogue as a whole, sorted by file and line.
    /// Findings made while reading files are the loader's; these are the ones across files.
    public func check(_ catalogue: Catalogue) -> [Diagnostic] {
        findings(catalogue).all
    }

    /// Reads and checks a catalogue folder: the loader's findings and the checker's, in one sorted list.
    public func check(folder: LoadedCatalogue) -> [Diagnostic] {
        (folder.diagnostics + check(folder.catalogue)).sorted()
    }

    /// Every finding, by where it comes from.
    func findings(_ catalogue: Catalogue) -> CatalogueFindings {
        let index = CatalogueIndex(catalogue, pageIDs: pageIDs)
        let checker = self
        // The services' own findings spread over every core; the rules across files run beside them.
        let (services, (cycles, entries)) = concurrently(
            { catalogue.services.concurrentMap { checker.findings(for: $0, index: index) } },
            { (CycleRules.check(catalogue, index: index), Self.entryFindings(catalogue, index: index)) })
        return CatalogueFindings(services: services, cycles: cycles, entries: entries)
    }

    /// The findings of `catalogue`, in which only the services at `changed` positions were edited
    /// (the same ids, in the same files) since `previous` were found in `before`. Checks again the
    /// edited services, the services that name one whose status or replacement changed, those that may
    /// link to a heading of one whose headings changed, the loops when dependencies changed, and the
    /// entries when a category or owner did.
    func findings(updating previous: CatalogueFindings, catalogue: Catalogue, before: Catalogue, changed: [Int]) -> CatalogueFindings {
        let services = catalogue.services
        var recheck = Set(changed)
        var restated: Set<String> = []
        var reheaded: [String] = []
        let anchors = AnchorIndex(pageIDs: pageIDs)
        var dependenciesChanged = false, usesChanged = false
        for position in changed {
            let (old, new) = (before.services[position], services[position])
            if old.status != new.status || old.replacedBy?.value != new.replacedBy?.value { restated.insert(new.id) }
            dependenciesChanged = dependenciesChanged || old.dependsOn != new.dependsOn
            usesChanged = usesChanged || old.category.value != new.category.value || old.owner.value != new.owner.value
            if old.body != new.body, anchors.pageAnchors(of: old) != anchors.pageAnchors(of: new) { reheaded.append(new.id) }
        }
        if !reheaded.isEmpty {
            // A link to a heading names the service's id, then '#': more services than that may match,
            // which only checks them again for nothing.
            recheck.formUnion(services.indices.filter { position in
                reheaded.contains { services[position].body.contains("\($0)#") }
            })
        }
        if !restated.isEmpty {
            // Their dependents' and predecessors' lifecycle findings name their status.
            recheck.formUnion(services.indices.filter { position in
                services[position].dependsOn.contains { restated.contains($0.value) }
                    || services[position].replacedBy.map { restated.contains($0.value) } == true
            })
        }
        let index = CatalogueIndex(catalogue, pageIDs: pageIDs)
        let checker = self
        let positions = recheck.sorted()
        var serviceFindings = previous.services
        for (position, findings) in zip(positions, positions.concurrentMap { checker.findings(for: services[$0], index: index) }) {
            serviceFindings[position] = findings
        }
        return CatalogueFindings(
            services: serviceFindings,
            cycles: dependenciesChanged ? CycleRules.check(catalogue, index: index) : previous.cycles,
            entries: usesChanged ? Self.entryFindings(catalogue, index: index) : previous.entries)
    }

    private static func entryFindings(_ catalogue: Catalogue, index: CatalogueIndex) -> [Diagnostic] {
        ReferenceRules.check(catalogue, index: index) + UsageRules.check(catalogue) + IdentityRules.check(catalogue)
            + NestingRules.check(catalogue) + PerformanceRules.check(catalogue, index: index)
            + NoticeRules.check(catalogue, index: index) + LinkRules.translationFindings(catalogue, index: index)
            + catalogue.unreadable.descriptions.flatMap { LinkRules.findings(in: $0.body, file: $0.file, bodyLine: $0.bodyLine, index: index) }
    }

    /// Everything about one service on its own.
    private func findings(for service: Service, index: CatalogueIndex) -> [Diagnostic] {
        ReferenceRules.check(service, index: index) + LinkRules.findings(for: service, index: index)
            + LifecycleRules.check(service, index: index, today: today) + UsageRules.check(service)
    }
}

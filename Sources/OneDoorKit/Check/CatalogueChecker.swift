/// Runs every rule of the format over a catalogue that has been read.
public struct CatalogueChecker: Sendable {
    /// The day `last_reviewed` is compared with.
    public let today: Day

    public init(today: Day) {
        self.today = today
    }

    /// Every finding about the catalogue as a whole, sorted by file and line.
    /// Findings made while reading files are the loader's; these are the ones across files.
    public func check(_ catalogue: Catalogue) -> [Diagnostic] {
        check(catalogue, linkFindings: nil)
    }

    /// The same, with the findings about each service's links given by position when they are known
    /// (`onedoor serve` keeps those of the services that did not change).
    func check(_ catalogue: Catalogue, linkFindings: [[Diagnostic]]?) -> [Diagnostic] {
        let index = CatalogueIndex(catalogue)
        let today = today
        // The rules are independent of each other: they run side by side. (The link rules spread over
        // every core by themselves, so they come first.)
        let rules: [@Sendable () -> [Diagnostic]] = [
            { (linkFindings ?? LinkRules.findings(catalogue, index: index)).flatMap { $0 } },
            { ReferenceRules.check(catalogue, index: index) },
            { CycleRules.check(catalogue, index: index) },
            { UsageRules.check(catalogue) },
            { LifecycleRules.check(catalogue, index: index, today: today) },
            { IdentityRules.check(catalogue) },
        ]
        return rules.concurrentMap { $0() }.flatMap { $0 }.sorted()
    }

    /// Reads and checks a catalogue folder: the loader's findings and the checker's, in one sorted list.
    public func check(folder: LoadedCatalogue) -> [Diagnostic] {
        (folder.diagnostics + check(folder.catalogue)).sorted()
    }
}

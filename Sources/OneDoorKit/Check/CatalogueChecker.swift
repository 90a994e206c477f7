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
        let index = CatalogueIndex(catalogue)
        var findings: [Diagnostic] = []
        findings += IdentityRules.check(catalogue)
        findings += ReferenceRules.check(catalogue, index: index)
        findings += CycleRules.check(catalogue, index: index)
        findings += LinkRules.check(catalogue, index: index)
        findings += LifecycleRules.check(catalogue, index: index, today: today)
        findings += UsageRules.check(catalogue)
        return findings.sorted()
    }

    /// Reads and checks a catalogue folder: the loader's findings and the checker's, in one sorted list.
    public func check(folder: LoadedCatalogue) -> [Diagnostic] {
        (folder.diagnostics + check(folder.catalogue)).sorted()
    }
}

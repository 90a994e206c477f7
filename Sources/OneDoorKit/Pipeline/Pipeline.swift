public import Foundation
internal import Synchronization

/// The whole build in one place, in the order it runs:
///
///     sources ──load──▶ Catalogue ──check──▶ findings ──render──▶ OutputFiles ──write──▶ site/
///     (folder or memory)                     (errors stop here)   (templates)            (or memory)
///
/// Every command that reads a catalogue goes through it — `check`, `build`, `serve`, `diff`, `review`,
/// `new`, the fuzzer and the tests — so that each stage is wired once. `serve` keeps what a build worked
/// out in `IncrementalBuild` and asks this pipeline again only for what an edit changed.
public struct Pipeline: Sendable {
    public let source: any CatalogueSource
    /// The day `last_reviewed` is compared with: today, or the day of `SOURCE_DATE_EPOCH`.
    public let today: Day
    /// The moment notices are compared with, in seconds since 1970: the build's time, or
    /// `SOURCE_DATE_EPOCH`.
    public let now: Int
    /// A folder of templates that replace built-in ones of the same name.
    public let templateOverrides: URL?
    /// Warnings count as errors.
    public let strict: Bool

    /// A pipeline for `today`, at `now` (midnight UTC of `today` when not given).
    public init(source: any CatalogueSource, today: Day, now: Int? = nil, templateOverrides: URL? = nil, strict: Bool = false) {
        self.source = source
        self.today = today
        self.now = now ?? today.daysSince1970 * 86_400
        self.templateOverrides = templateOverrides
        self.strict = strict
    }

    /// The pipeline of the catalogue in `folder`.
    public init(folder: URL, today: Day, now: Int? = nil, templateOverrides: URL? = nil, strict: Bool = false) {
        self.init(source: FolderSource(folder), today: today, now: now, templateOverrides: templateOverrides, strict: strict)
    }

    // MARK: - Load and check

    /// A catalogue read and checked.
    public struct Checked: Sendable {
        public let catalogue: Catalogue
        /// Every finding, the loader's and the checker's, sorted by file and line.
        public let findings: [Diagnostic]
        /// The loader's findings, and the checker's by where they come from, for `IncrementalBuild`.
        let readFindings: [Diagnostic]
        let checkerFindings: CatalogueFindings

        public var hasErrors: Bool { findings.hasErrors }
        public var report: DiagnosticReport { DiagnosticReport(diagnostics: findings, fileCount: catalogue.fileCount) }
    }

    /// Stage 1 alone: every source file read, with the findings made while reading them.
    public func load() throws(LoadError) -> LoadedCatalogue {
        try CatalogueLoader(source: source).load()
    }

    /// Stages 1 and 2: reads every source file and runs every check. Throws only when there is no
    /// catalogue to read at all; everything wrong inside one is a finding.
    public func check() throws(LoadError) -> Checked {
        let loaded = try load()
        return checked(loaded.catalogue, readFindings: loaded.diagnostics, checkerFindings: checker.findings(loaded.catalogue))
    }

    /// The checker, with the ids the built-in templates write on every service page.
    var checker: CatalogueChecker { CatalogueChecker(today: today, pageIDs: TemplateSet.builtInIDs) }

    func checked(_ catalogue: Catalogue, readFindings: [Diagnostic], checkerFindings: CatalogueFindings) -> Checked {
        let findings = (readFindings + checkerFindings.all).sorted().map { $0.strict(strict) }
        return Checked(catalogue: catalogue, findings: findings, readFindings: readFindings, checkerFindings: checkerFindings)
    }

    // MARK: - Render and write

    /// Stage 3: the built-in templates with the overrides in place.
    public func templates() throws(TemplateError) -> TemplateSet {
        try TemplateSet.load(overrides: templateOverrides)
    }

    /// Why a build published nothing.
    public enum Failure: Error, Sendable {
        case catalogueHasErrors
        case templates(TemplateError)
        case write(WriteError)
    }

    /// What a build did: the findings, and the paths written or why nothing was.
    public struct Built: Sendable {
        public let checked: Checked
        public let result: Result<[String], Failure>
    }

    /// Every stage: checks, and when the catalogue has no error renders every file into `sink` (files
    /// arrive from any thread, in no set order). Nothing reaches the sink otherwise.
    public func build(into sink: some OutputSink) throws(LoadError) -> Built {
        try build { portal in
            portal.render(into: sink)
            return .success([])
        }
    }

    /// Every stage, the portal written into `writer`'s output folder, which is swapped in whole at
    /// the end: a build that fails leaves the previous output as it was.
    public func build(writingTo writer: SiteWriter) throws(LoadError) -> Built {
        try build { portal in
            Result { () throws(WriteError) in try writer.write { sink in portal.render(into: sink) } }.mapError(Failure.write)
        }
    }

    private func build(_ write: (Portal) -> Result<[String], Failure>) throws(LoadError) -> Built {
        let checked = try check()
        guard !checked.hasErrors else { return Built(checked: checked, result: .failure(.catalogueHasErrors)) }
        switch Result(catching: { () throws(TemplateError) in try templates() }) {
        case let .failure(error):
            return Built(checked: checked, result: .failure(.templates(error)))
        case let .success(templates):
            return Built(checked: checked, result: write(portal(of: checked.catalogue, templates: templates)))
        }
    }

    /// What renders a checked catalogue: one renderer, or one per language of a catalogue in several,
    /// each language read on its own (the checked read is the default language's).
    func portal(of catalogue: Catalogue, templates: TemplateSet) -> Portal {
        guard catalogue.settings.isMultilingual else { return .single(SiteRenderer(catalogue: catalogue, templates: templates, now: now)) }
        return .multilingual(MultilingualSite(catalogues: catalogues(of: catalogue), templates: templates, now: now))
    }

    /// A checked catalogue read in each of its languages, the default (`catalogue`, the checked read) first.
    public func catalogues(of catalogue: Catalogue) -> [Catalogue] {
        let source = self.source
        return [catalogue] + catalogue.settings.languages.dropFirst().map { $0 }.concurrentMap { language in
            (try? CatalogueLoader(source: source, language: language, defaultRead: catalogue).load().catalogue) ?? catalogue
        }
    }

    /// The portal of a catalogue in one language or in several.
    enum Portal: Sendable {
        case single(SiteRenderer)
        case multilingual(MultilingualSite)

        func render(into sink: some OutputSink) {
            switch self {
            case let .single(renderer): renderer.render(into: sink)
            case let .multilingual(site): site.render(into: sink)
            }
        }
    }
}

/// Output files gathered in memory.
public final class OutputFiles: OutputSink {
    private let gathered = Mutex<[OutputFile]>([])

    public init() {}

    /// Every file so far, sorted by path.
    public var files: [OutputFile] { gathered.withLock { $0 }.sorted { $0.path < $1.path } }

    public func write(_ file: OutputFile) {
        gathered.withLock { $0.append(file) }
    }

    public func write(path: String, parts: (_ emit: ([UInt8]) -> Void) -> Void) {
        var bytes: [UInt8] = []
        parts { bytes += $0 }
        write(OutputFile(path: path, bytes: bytes))
    }
}

public import Foundation
internal import Synchronization

/// The preview server's builds, in memory. The first builds everything. After that, when the only
/// change is to the text of existing service files, it re-reads those files, checks the catalogue with
/// the links of the other services kept, and renders again only what shows the edited services: their
/// pages and those of the services they name or that name them, the lists they are in (home, A–Z,
/// portfolio, their category, team and support model), the search files that hold their words, and
/// `catalogue.json`. Any other change — a file added, removed or renamed, a YAML file, a template —
/// builds everything again. Either way the files are those a full build gives.
public struct PreviewSession: Sendable {
    public let catalogueFolder: URL
    public let templatesFolder: URL?
    public let today: Day
    private var last: LastBuild?

    /// What the last good build read and wrote.
    private struct LastBuild: Sendable {
        let fingerprint: [String: String]
        /// Findings made while reading files (warnings: a build with errors is not kept).
        let readFindings: [Diagnostic]
        var files: [String: OutputFile]
        /// The catalogue and templates, and what was worked out from them.
        let renderer: SiteRenderer
        let search: SearchIndex
        /// Each service's place in `catalogue.json`, by position.
        let jsonEntries: [[UInt8]]
        /// What the checker found, kept so that an edit is checked again only where it matters.
        let findings: CatalogueFindings

        var catalogue: Catalogue { renderer.catalogue }
    }

    /// What a build gave.
    public struct Outcome: Sendable {
        public let result: Result<[String: OutputFile], PreviewFailure>
        /// Files rendered by this build (all of them for a full build).
        public let renderedCount: Int
        public let wasIncremental: Bool
    }

    public init(catalogueFolder: URL, templatesFolder: URL?, today: Day) {
        self.catalogueFolder = catalogueFolder.standardizedFileURL
        self.templatesFolder = templatesFolder?.standardizedFileURL
        self.today = today
    }

    /// Builds the sources as they are now; `fingerprint` is `SourceWatcher`'s, taken just before.
    public mutating func build(fingerprint: [String: String]) -> Outcome {
        // The last build is taken out while this one is made, so that its files can be changed in place.
        if let last = last.take() {
            if let changed = editedServices(since: last, fingerprint: fingerprint) {
                return update(last, changed: changed, fingerprint: fingerprint)
            }
            self.last = last
        }
        return fullBuild(fingerprint: fingerprint)
    }

    /// The positions of the services whose files changed, when nothing else did.
    private func editedServices(since last: LastBuild, fingerprint: [String: String]) -> [Int]? {
        // The same number of files, each of them there before: the same files.
        guard fingerprint.count == last.fingerprint.count else { return nil }
        let root = catalogueFolder.path + "/"
        var changed: [Int] = []
        for (path, stamp) in fingerprint {
            guard let before = last.fingerprint[path] else { return nil }
            guard before != stamp else { continue }
            let file = path.dropFirst(root.count)
            guard path.hasPrefix(root), let position = last.catalogue.services.firstIndex(where: { $0.file == file }) else { return nil }
            changed.append(position)
        }
        return changed.sorted()
    }

    private mutating func fullBuild(fingerprint: [String: String]) -> Outcome {
        let loaded: LoadedCatalogue
        do {
            loaded = try CatalogueLoader(folder: catalogueFolder).load()
        } catch {
            return Outcome(result: .failure(PreviewFailure(messages: ["error: \(error)"])), renderedCount: 0, wasIncremental: false)
        }
        let catalogue = loaded.catalogue
        let checked = CatalogueChecker(today: today).findings(catalogue)
        let findings = (loaded.diagnostics + checked.all).sorted()
        guard !findings.hasErrors else {
            return Outcome(result: .failure(PreviewFailure(messages: findings.map(\.description))), renderedCount: 0, wasIncremental: false)
        }
        let templates: TemplateSet
        do {
            templates = try TemplateSet.load(overrides: templatesFolder)
        } catch {
            return Outcome(result: .failure(PreviewFailure(messages: [error.description])), renderedCount: 0, wasIncremental: false)
        }
        let renderer = SiteRenderer(catalogue: catalogue, templates: templates)
        let search = SearchIndex(index: renderer.index, keepingFiles: true)
        let list = SiteRenderer.FileList()
        renderer.render(into: list, search: search)
        let files = Dictionary(list.files.withLock { $0 }.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let json = CatalogueJSON(index: renderer.index)
        last = LastBuild(
            fingerprint: fingerprint, readFindings: loaded.diagnostics, files: files,
            renderer: renderer, search: search, jsonEntries: catalogue.services.enumerated().map { json.entry(for: $1, first: $0 == 0) },
            findings: checked)
        return Outcome(result: .success(files), renderedCount: files.count, wasIncremental: false)
    }

    /// Builds again what the edits show; a failed build puts `last` back.
    private mutating func update(_ last: consuming LastBuild, changed: [Int], fingerprint: [String: String]) -> Outcome {
        let loader = CatalogueLoader(folder: catalogueFolder)
        var services = last.catalogue.services
        let changedFiles = Set(changed.map { services[$0].file })
        var readFindings = last.readFindings.filter { !changedFiles.contains($0.location.file) }
        for position in changed {
            let file = services[position].file
            let isLink = FileSystem.isSymbolicLink(catalogueFolder.path + "/" + file) ?? false
            let entry = FileSystem.Entry(path: file, isSymbolicLink: isLink, hasValidName: true)
            let read = loader.readService(entry)
            readFindings += read.findings
            // A file that cannot be read whole (or that now holds another id) needs the full story.
            guard let service = read.service, service.id == services[position].id else {
                self.last = last
                return Outcome(result: .failure(PreviewFailure(messages: readFindings.sorted().map(\.description))),
                               renderedCount: 0, wasIncremental: true)
            }
            services[position] = service
        }
        let old = last.catalogue
        let catalogue = Catalogue(settings: old.settings, categories: old.categories, teams: old.teams, supportModels: old.supportModels,
                                  services: services, unreadable: old.unreadable, fileCount: old.fileCount)
        let renderer = SiteRenderer(updating: last.renderer, catalogue: catalogue, changed: changed)
        let index = renderer.index
        let (toRender, jsonPositions) = Self.pages(showing: changed, before: old, renderer: renderer, previous: last.renderer)
        let json = CatalogueJSON(index: index)
        var jsonEntries = last.jsonEntries
        for position in jsonPositions { jsonEntries[position] = json.entry(for: services[position], first: position == 0) }
        let catalogueJSON = OutputFile(path: SitePaths.catalogueJSON,
                                       parts: [json.head()] + jsonEntries + [CatalogueJSON.end(hasServices: !services.isEmpty)])
        // The checks and the pages do not depend on each other: they are made side by side, and the pages
        // are dropped if the checks find an error. The search index changes in place, so it is brought
        // up to date only once the checks pass.
        let (checker, previous, known, previousSearch) = (CatalogueChecker(today: today), last.findings, readFindings, last.search)
        let (checks, pages) = concurrently(
            { () -> (findings: [Diagnostic], kept: CatalogueFindings, search: (index: SearchIndex, files: SearchFiles)?) in
                let checked = checker.findings(updating: previous, catalogue: catalogue, before: old, changed: changed)
                let findings = (known + checked.all).sorted()
                guard !findings.hasErrors else { return (findings, checked, nil) }
                let search = SearchIndex(index: index, continuing: previousSearch)
                return (findings, checked, (search, Self.update(search, changed: changed, before: old, renderer: renderer)))
            },
            { renderer.render(toRender) })
        guard let (search, searchFiles) = checks.search else {
            self.last = last
            return Outcome(result: .failure(PreviewFailure(messages: checks.findings.map(\.description))), renderedCount: 0, wasIncremental: true)
        }
        let rendered = pages + [catalogueJSON] + searchFiles.changed
        var files: [String: OutputFile] = [:]
        swap(&files, &last.files)
        for path in searchFiles.removed { files[path] = nil }
        for file in rendered { files[file.path] = file }
        self.last = LastBuild(fingerprint: fingerprint, readFindings: readFindings, files: files, renderer: renderer,
                              search: search, jsonEntries: jsonEntries, findings: checks.kept)
        return Outcome(result: .success(files), renderedCount: rendered.count, wasIncremental: true)
    }
}

extension PreviewSession {
    fileprivate typealias SearchFiles = (changed: [OutputFile], removed: [String])

    /// Brings the search index up to date with the edited services; the search files that changed,
    /// and those no longer there.
    fileprivate static func update(_ search: SearchIndex, changed: [Int], before old: Catalogue, renderer: SiteRenderer) -> SearchFiles {
        var files: [OutputFile] = [], removed: [String] = []
        for position in changed {
            let (before, after) = (old.services[position], renderer.catalogue.services[position])
            let update = search.update(doc: position, old: (before, renderer.context.body(of: before).plainText),
                                       new: (after, renderer.context.body(of: after).plainText))
            files += update.changed
            removed += update.removed
        }
        return (files, removed)
    }

    /// The pages that show the edited services at `changed` positions, and the positions whose entries
    /// in `catalogue.json` change. Always their own pages. When what lists show of a service changed
    /// (name, summary, status, type, category, owner): the lists it is in (home, A–Z, portfolio, its
    /// categories, team and support model) and the pages of the services it names or that name it.
    /// When its support model changed: both models' pages. When its dependencies changed: the pages
    /// (and `used_by` entries) of the services it depended on and depends on.
    fileprivate static func pages(showing changed: [Int], before old: Catalogue, renderer: SiteRenderer, previous: SiteRenderer)
        -> (pages: [SiteRenderer.Page], jsonPositions: Set<Int>) {
        let services = renderer.catalogue.services
        let index = renderer.index
        var servicePositions = Set(changed)
        var jsonPositions = Set(changed)
        var lists = false
        var categories: Set<String> = [], teams: Set<String> = [], models: Set<String> = []
        lazy var positions = Dictionary(uniqueKeysWithValues: services.enumerated().map { ($1.id, $0) })
        for position in changed {
            let (before, after) = (old.services[position], services[position])
            if previous.context.summaries[before.id] != renderer.context.summaries[after.id] {
                lists = true
                for service in [before, after] {
                    // Pages that name the service: those it depends on, and those that depend on it or point to it.
                    let related = service.dependsOn.map(\.value) + (index.dependents[service.id] ?? []).map(\.id)
                    servicePositions.formUnion(related.compactMap { positions[$0] })
                    servicePositions.formUnion(services.indices.filter { services[$0].replacedBy?.value == service.id })
                    var category: String? = service.category.value
                    while let id = category, categories.insert(id).inserted { category = index.categoriesByID[id]?.parent?.value }
                    teams.insert(service.owner.value)
                    models.insert(service.supportModel.value)
                }
            }
            if before.supportModel.value != after.supportModel.value {
                models.formUnion([before.supportModel.value, after.supportModel.value])
            }
            if before.dependsOn.map(\.value) != after.dependsOn.map(\.value) {
                let named = (before.dependsOn + after.dependsOn).compactMap { positions[$0.value] }
                servicePositions.formUnion(named)
                jsonPositions.formUnion(named)
            }
        }
        var pages: [SiteRenderer.Page] = lists ? [.home, .aToZ, .portfolio] : []
        pages += categories.sorted().compactMap { index.categoriesByID[$0] }.map(SiteRenderer.Page.category)
        pages += teams.sorted().compactMap { index.teamsByID[$0] }.map(SiteRenderer.Page.team)
        pages += models.sorted().compactMap { index.supportModelsByID[$0] }.map(SiteRenderer.Page.supportModel)
        pages += servicePositions.sorted().map(SiteRenderer.Page.service)
        return (pages, jsonPositions)
    }
}

/// Why a preview build did not publish: the lines `check` would print.
public struct PreviewFailure: Error, Sendable, Equatable {
    public let messages: [String]
}

/// The pipeline with a cache, for `onedoor serve`. The first build runs the whole `Pipeline`. After
/// that, when the only change is to the text of existing service files, it reads those files again,
/// checks the catalogue with what it found in the others kept, and renders again only the outputs
/// those files fed (`outputs(fedBy:)`): their pages and those of the services they name or that name
/// them, the lists they are in, the search files that hold their words, and `catalogue.json`. Any
/// other change — a file added, removed or renamed, a YAML file, a template, another day (or another
/// minute, in a catalogue with notices), any change to a catalogue of several languages — runs the whole
/// pipeline again. Either way the files are byte for byte those a full build gives (a property
/// test applies random edits, additions and deletions and compares).
public struct IncrementalBuild: Sendable {
    private var last: LastBuild?

    public init() {}

    /// What the last good build read and wrote.
    private struct LastBuild: Sendable {
        let pipeline: Pipeline
        let fingerprint: [String: String]
        let checked: Pipeline.Checked
        var files: [String: OutputFile]
        /// The catalogue and templates, and what was worked out from them.
        let renderer: SiteRenderer
        let search: SearchIndex
        /// Each service's place in `catalogue.json`, by position.
        let jsonEntries: [[UInt8]]

        var catalogue: Catalogue { renderer.catalogue }
    }

    /// What a build gave.
    public struct Outcome: Sendable {
        public let result: Result<[String: OutputFile], BuildFailure>
        /// Files rendered by this build (all of them for a full build).
        public let renderedCount: Int
        public let wasIncremental: Bool
    }

    /// Builds the sources of `pipeline` as they are now. `fingerprint` stamps each source file, by
    /// `root` followed by its path in the catalogue (template files under any other key): where it
    /// equals the last build's but for some service files, only what those fed is made again.
    public mutating func build(_ pipeline: Pipeline, fingerprint: [String: String], root: String = "") -> Outcome {
        // The last build is taken out while this one is made, so that its files can be changed in place.
        if let last = last.take() {
            if let changed = editedServices(since: last, pipeline: pipeline, fingerprint: fingerprint, root: root) {
                return update(last, with: pipeline, changed: changed, fingerprint: fingerprint)
            }
            self.last = last
        }
        return fullBuild(pipeline, fingerprint: fingerprint)
    }

    /// The positions of the services whose files changed, when nothing else did.
    private func editedServices(since last: LastBuild, pipeline: Pipeline, fingerprint: [String: String], root: String) -> [Int]? {
        // A catalogue of several languages is built whole: each language's pages come from its own read.
        // The time counts only where notices are: it decides which are current, and the pages say it.
        guard !last.catalogue.settings.isMultilingual, pipeline.today == last.pipeline.today,
              pipeline.now == last.pipeline.now || last.catalogue.notices.isEmpty, pipeline.strict == last.pipeline.strict,
              pipeline.templateOverrides == last.pipeline.templateOverrides else { return nil }
        // The same number of files, each of them there before: the same files.
        guard fingerprint.count == last.fingerprint.count else { return nil }
        var changed: [Int] = []
        for (path, stamp) in fingerprint {
            guard let before = last.fingerprint[path] else { return nil }
            guard before != stamp else { continue }
            guard path.hasPrefix(root) else { return nil }
            let file = path.dropFirst(root.count)
            guard let position = last.catalogue.services.firstIndex(where: { $0.file == file }) else { return nil }
            changed.append(position)
        }
        return changed.sorted()
    }

    private mutating func fullBuild(_ pipeline: Pipeline, fingerprint: [String: String]) -> Outcome {
        let checked: Pipeline.Checked
        do {
            checked = try pipeline.check()
        } catch {
            return Outcome(result: .failure(BuildFailure(messages: ["error: \(error)"])), renderedCount: 0, wasIncremental: false)
        }
        guard !checked.hasErrors else {
            return Outcome(result: .failure(BuildFailure(messages: checked.findings.map(\.description))), renderedCount: 0, wasIncremental: false)
        }
        let templates: TemplateSet
        do {
            templates = try pipeline.templates()
        } catch {
            return Outcome(result: .failure(BuildFailure(messages: [error.description])), renderedCount: 0, wasIncremental: false)
        }
        guard case let .single(renderer) = pipeline.portal(of: checked.catalogue, templates: templates) else {
            // A catalogue of several languages is built whole every time, so nothing is kept.
            let list = OutputFiles()
            pipeline.portal(of: checked.catalogue, templates: templates).render(into: list)
            let files = Dictionary(list.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            return Outcome(result: .success(files), renderedCount: files.count, wasIncremental: false)
        }
        let search = SearchIndex(index: renderer.index, language: renderer.language.language, keepingFiles: true)
        let list = OutputFiles()
        renderer.render(into: list, search: search)
        let files = Dictionary(list.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let json = CatalogueJSON(index: renderer.index)
        let services = checked.catalogue.services
        last = LastBuild(pipeline: pipeline, fingerprint: fingerprint, checked: checked, files: files, renderer: renderer, search: search,
                         jsonEntries: services.enumerated().map { json.entry(for: $1, first: $0 == 0) })
        return Outcome(result: .success(files), renderedCount: files.count, wasIncremental: false)
    }

    /// Builds again what the edits show; a failed build puts `last` back.
    private mutating func update(_ last: consuming LastBuild, with pipeline: Pipeline, changed: [Int], fingerprint: [String: String]) -> Outcome {
        let loader = CatalogueLoader(source: pipeline.source)
        var services = last.catalogue.services
        let changedFiles = Set(changed.map { services[$0].file })
        var readFindings = last.checked.readFindings.filter { !changedFiles.contains($0.location.file) }
        for position in changed {
            let read = loader.readService(SourceFile(path: services[position].file, isSymbolicLink: false, hasValidName: true),
                                          LanguageChoice(languages: last.catalogue.settings.languages))
            readFindings += read.findings
            // A file that cannot be read whole (or that now holds another id) needs the full story.
            guard let service = read.service, service.id == services[position].id else {
                self.last = last
                return Outcome(result: .failure(BuildFailure(messages: readFindings.sorted().map(\.description))),
                               renderedCount: 0, wasIncremental: true)
            }
            services[position] = service
        }
        let old = last.catalogue
        let catalogue = Catalogue(settings: old.settings, categories: old.categories, teams: old.teams, supportModels: old.supportModels,
                                  services: services, measurements: old.measurements, notices: old.notices, translations: old.translations, unreadable: old.unreadable, fileCount: old.fileCount)
        let renderer = SiteRenderer(updating: last.renderer, catalogue: catalogue, changed: changed)
        let index = renderer.index
        // A change of dependencies that moves a notice's reach changes the state shown beside services
        // anywhere: the whole portal is made again.
        guard index.board.states == last.renderer.index.board.states else {
            self.last = nil
            return fullBuild(pipeline, fingerprint: fingerprint)
        }
        let (toRender, jsonPositions) = Self.outputs(fedBy: changed, before: old, renderer: renderer, previous: last.renderer)
        let json = CatalogueJSON(index: index)
        var jsonEntries = last.jsonEntries
        for position in jsonPositions { jsonEntries[position] = json.entry(for: services[position], first: position == 0) }
        let catalogueJSON = OutputFile(path: SitePaths.catalogueJSON,
                                       parts: [json.head()] + jsonEntries + [CatalogueJSON.end(hasServices: !services.isEmpty)])
        // The checks and the pages do not depend on each other: they are made side by side, and the pages
        // are dropped if the checks find an error. The search index changes in place, so it is brought
        // up to date only once the checks pass.
        let (previous, known, previousSearch) = (last.checked.checkerFindings, readFindings, last.search)
        let (checks, pages) = concurrently(
            { () -> (checked: Pipeline.Checked, search: (index: SearchIndex, files: SearchFiles)?) in
                let found = pipeline.checker.findings(updating: previous, catalogue: catalogue, before: old, changed: changed)
                let checked = pipeline.checked(catalogue, readFindings: known, checkerFindings: found)
                guard !checked.hasErrors else { return (checked, nil) }
                let search = SearchIndex(index: index, continuing: previousSearch)
                return (checked, (search, Self.update(search, changed: changed, before: old, renderer: renderer)))
            },
            { renderer.render(toRender) })
        guard let (search, searchFiles) = checks.search else {
            self.last = last
            return Outcome(result: .failure(BuildFailure(messages: checks.checked.findings.map(\.description))), renderedCount: 0,
                           wasIncremental: true)
        }
        let rendered = pages + [catalogueJSON] + searchFiles.changed
        var files: [String: OutputFile] = [:]
        swap(&files, &last.files)
        for path in searchFiles.removed { files[path] = nil }
        for file in rendered { files[file.path] = file }
        self.last = LastBuild(pipeline: pipeline, fingerprint: fingerprint, checked: checks.checked, files: files, renderer: renderer,
                              search: search, jsonEntries: jsonEntries)
        return Outcome(result: .success(files), renderedCount: rendered.count, wasIncremental: true)
    }
}

extension IncrementalBuild {
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

    /// What the service files at `changed` positions fed, and so what is made again when they change:
    /// the pages that show those services, and the positions whose entries in `catalogue.json` change. Always their own pages. When what lists show of a service changed
    /// (name, summary, status, type, category, owner): the lists it is in (home, A–Z, portfolio, its
    /// categories, team and support model) and the pages of the services it names or that name it.
    /// When its support model changed: both models' pages. When its dependencies changed: the pages
    /// (and `used_by` entries) of the services it depended on and depends on.
    fileprivate static func outputs(fedBy changed: [Int], before old: Catalogue, renderer: SiteRenderer, previous: SiteRenderer)
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
        // A service page draws its neighbours two levels away, and a notice's page names the services
        // it reaches: a change of name or dependencies shows there too.
        let reshaped = changed.filter { position in
            let (before, after) = (old.services[position], services[position])
            return before.name != after.name || before.dependsOn.map(\.value) != after.dependsOn.map(\.value)
        }
        for position in reshaped {
            for graph in [previous.index.board.graph, index.board.graph] {
                servicePositions.formUnion(graph.neighbourhood(of: services[position].id, levels: 2).compactMap { positions[$0] })
            }
        }
        var pages: [SiteRenderer.Page] = lists ? [.home, .aToZ, .portfolio] : []
        let noticesNameThem = !reshaped.isEmpty && !index.board.entries.isEmpty
        if noticesNameThem {
            pages += [.notices, .noticesFeed] + index.board.entries.indices.map(SiteRenderer.Page.notice)
        }
        // The board pack lists the measured services by name, with how each did against its targets, and
        // the major incidents with the names of their services: it changes when one of them is renamed,
        // or its targets are.
        let measured = Set(index.performance.measuredServices)
        let resultsChanged = changed.contains { position in
            let (before, after) = (old.services[position], services[position])
            return measured.contains(after.id) && (before.name != after.name || before.targets != after.targets
                || before.supportModel.value != after.supportModel.value)
        }
        if !index.performance.isEmpty, resultsChanged || noticesNameThem { pages.append(.performance) }
        pages += categories.sorted().compactMap { index.categoriesByID[$0] }.map(SiteRenderer.Page.category)
        pages += teams.sorted().compactMap { index.teamsByID[$0] }.map(SiteRenderer.Page.team)
        pages += models.sorted().compactMap { index.supportModelsByID[$0] }.map(SiteRenderer.Page.supportModel)
        pages += servicePositions.sorted().map(SiteRenderer.Page.service)
        return (pages, jsonPositions)
    }
}

/// Why a build did not publish: the lines `check` would print.
public struct BuildFailure: Error, Sendable, Equatable {
    public let messages: [String]
}

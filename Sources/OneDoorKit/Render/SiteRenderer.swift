internal import Synchronization

/// Renders the whole portal: every page, the search index, the assets, `catalogue.json` and its schema.
public struct SiteRenderer: Sendable {
    public let catalogue: Catalogue
    public let templates: TemplateSet
    /// The language of the pages, among the catalogue's.
    public let language: SiteLanguage
    /// The default language's text, when this catalogue is read in another.
    let original: DefaultLanguageText?
    let index: SiteIndex
    let context: PageContext

    /// A renderer of `catalogue` (read in `language`, its only one when not given) at `now` (seconds since
    /// 1970), the time its notices are compared with.
    public init(catalogue: Catalogue, templates: TemplateSet, now: Int, language: SiteLanguage? = nil, original: Catalogue? = nil) {
        self.catalogue = catalogue
        let language = language ?? SiteLanguage(catalogue.settings)
        self.language = language
        self.templates = templates.inlining(language.wording(for: catalogue.settings).all)
        let original = original.map(DefaultLanguageText.init)
        self.original = original
        self.index = SiteIndex(catalogue, now: now)
        self.context = PageContext(index: index, pageIDs: templates.fixedIDs, wording: self.language.wording(for: catalogue.settings),
                                   original: original)
    }

    /// How the pages write.
    var wording: Wording { context.wording }

    /// A renderer for a catalogue in which only the services at `changed` positions were edited since
    /// `previous` was made (`onedoor serve`): what it had worked out for the others is reused.
    init(updating previous: SiteRenderer, catalogue: Catalogue, changed: [Int]) {
        self.catalogue = catalogue
        templates = previous.templates
        language = previous.language
        original = previous.original
        index = SiteIndex.updating(previous.index, catalogue: catalogue, changed: changed)
        context = PageContext(index: index, updating: previous.context, changed: changed)
    }

    /// Every output file, sorted by path. The same catalogue always gives the same bytes.
    public func render() -> [OutputFile] {
        let files = OutputFiles()
        render(into: files)
        return files.files
    }

    /// Renders every output file on every core, handing each to `sink` as soon as it is ready, from any
    /// thread and in no particular order, so that a large portal never has to fit in memory whole.
    /// Each file's bytes depend on the catalogue alone.
    public func render(into sink: some OutputSink) {
        render(into: sink, search: SearchIndex(index: index, language: language.language))
    }

    /// Renders everything, gathering the service pages' words into `search`. In a catalogue of several
    /// languages, `catalogue.json`, its schema, the sitemap and the assets are the whole portal's, and
    /// written once (`MultilingualSite`).
    func render(into sink: some OutputSink, search: SearchIndex) {
        let shared = !language.isMultilingual
        let pages = Mutex<[String]>([])
        // The largest jobs go first, so that no core is left with one at the end.
        let jobs: [Page] = [.aToZ, .portfolio, .home] + (shared ? [.catalogueSchema] : []) + (index.performance.isEmpty ? [] : [.performance])
            + (catalogue.notices.isEmpty ? [] : [.notices, .noticesFeed] + index.board.entries.indices.map(Page.notice))
            + catalogue.teams.map(Page.team)
            + catalogue.supportModels.map(Page.supportModel) + catalogue.categories.map(Page.category)
            + catalogue.services.indices.map(Page.service)
        jobs.concurrentForEach { job, worker in
            let file = render(job, search: search, worker: worker)
            pages.withLock { $0.append(file.path) }
            sink.write(file)
        }
        // Every service page has handed its words to the index by now. Making its files is mostly one
        // core's work; catalogue.json, which needs nothing the pages make, is written beside it.
        _ = concurrently({
            for file in search.files() { sink.write(file) }
        }, {
            if shared { sink.write(path: SitePaths.catalogueJSON) { emit in CatalogueJSON(index: index).write(emit) } }
        })
        guard shared else { return }
        for (path, bytes) in templates.assets { sink.write(OutputFile(path: path, bytes: bytes)) }
        if let sitemap = sitemap(pages: pages.withLock { $0 }.filter { $0.hasSuffix(".html") }) { sink.write(sitemap) }
    }

    /// Renders some pages on every core, in the order given (for `onedoor serve`, which renders only
    /// the pages a change affects). Service pages hand nothing to a search index.
    func render(_ pages: [Page]) -> [OutputFile] {
        pages.concurrentMap { render($0, search: nil, worker: 0) }
    }

    /// One piece of the output to render.
    enum Page: Sendable {
        case home, aToZ, portfolio, catalogueSchema, performance, notices, noticesFeed
        /// The notice at this position of the board's newest-first list.
        case notice(Int)
        case category(Category)
        /// The service at this position of the id-sorted list.
        case service(Int)
        case team(Team)
        case supportModel(SupportModel)
    }

    private func render(_ page: Page, search: SearchIndex?, worker: Int) -> OutputFile {
        switch page {
        case .home: homePage()
        case .aToZ: aToZPage()
        case .portfolio: portfolioPage()
        case .catalogueSchema: catalogueSchema()
        case .performance: performancePage()
        case .notices: noticesPage()
        case .noticesFeed: noticesFeed()
        case let .notice(position): noticePage(index.board.entries[position])
        case let .category(category): categoryPage(category)
        case let .service(position): servicePage(catalogue.services[position], position: position, search: search, worker: worker)
        case let .team(team): teamPage(team)
        case let .supportModel(model): supportModelPage(model)
        }
    }

    private func catalogueSchema() -> OutputFile {
        OutputFile(path: SitePaths.catalogueSchema, bytes: CatalogueSchema.json.bytes() + [0x0A])
    }

    /// Renders `template` with `values` inside the layout.
    func page(
        _ path: String, template: String, title: String, description: String, values: [String: (any TemplateRepresentable)?],
        breadcrumbs: [(name: String, href: String)] = [], flags: [String] = [], jsonLD: JSONValue? = nil
    ) -> OutputFile {
        let root = SitePaths.root(of: path)
        let content = templates.render(template, TemplateValues(values.merging(["root": root, "site": context.site, "m": context.words]) { $1 }))
        let base = catalogue.settings.baseURL
        var layout: [String: (any TemplateRepresentable)?] = [
            "title": title, "description": description, "root": root, "site": context.site, "content": TemplateValue.bytes(content),
            "m": context.words, "assetRoot": language.isMultilingual ? root + "../" : root,
            "breadcrumbs": breadcrumbs.map { TemplateValues(["name": $0.name, "href": root + $0.href]) },
            "canonical": base.map { $0 + language.folder + path },
            "jsonLD": jsonLD?.serialized(pretty: false),
            // The same page in the other languages: a visible switch, and `<link rel="alternate" hreflang>`.
            "alternates": language.languages.filter { $0 != language.language }.map { other in
                TemplateValues(["language": other, "name": Wording.name(ofLanguage: other),
                                "href": base.map { $0 + other + "/" + path } ?? root + "../" + other + "/" + path])
            },
        ]
        for flag in flags { layout[flag] = true }
        // The layout adds a few kilobytes around the content.
        return OutputFile(path: path, bytes: templates.render("layout", TemplateValues(layout), capacity: content.count + 16_384))
    }

    private var home: (name: String, href: String) { (wording("nav.home"), SitePaths.home) }

    private func homePage() -> OutputFile {
        page(SitePaths.home, template: "home", title: wording("home.title"),
             description: catalogue.settings.lead ?? wording("home.lead"),
             values: ["categories": index.topCategories.map(context.categorySummary), "filters": context.filters,
                      "noticesStatus": catalogue.notices.isEmpty ? nil : homeStatus],
             flags: ["isHome"])
    }

    private func categoryPage(_ category: Category) -> OutputFile {
        var trail = [home]
        var ancestors: [Category] = []
        var parent = category.parent.flatMap { index.categoriesByID[$0.value] }
        while let current = parent, !ancestors.contains(where: { $0.id == current.id }) {
            ancestors.insert(current, at: 0)
            parent = current.parent.flatMap { index.categoriesByID[$0.value] }
        }
        trail += ancestors.map { ($0.name, SitePaths.category($0.id)) }
        return page(SitePaths.category(category.id), template: "category", title: category.name,
                    description: category.description ?? category.name,
                    values: [
                        "category": context.categorySummary(category),
                        "subcategories": (index.subcategories[category.id] ?? []).map(context.categorySummary),
                        "services": context.summaries(index.servicesInCategory[category.id] ?? []),
                    ], breadcrumbs: trail)
    }

    /// The service's page; its words go to the search index on the way, gathered by `worker`.
    private func servicePage(_ service: Service, position: Int, search: SearchIndex?, worker: Int) -> OutputFile {
        let path = SitePaths.service(service.id)
        let body = context.body(of: service)
        search?.add(service, doc: position, description: body.plainText, worker: worker)
        let category = index.categoriesByID[service.category.value]
        let team = index.teamsByID[service.owner.value]
        let model = index.supportModelsByID[service.supportModel.value]
        let targets = index.effectiveTargets(of: service)
        let facts = context.summaries[service.id]!.adding([
            "statusName": context.statusName(service.status),
            "audience": service.audience,
            "audienceText": service.audience.joined(separator: ", "),
            "requestURL": service.requestURL,
            "availability": service.availability.map(wording.percent),
            "rto": service.continuity?.rto.map(wording.duration),
            "rpo": service.continuity?.rpo.map(wording.duration),
            "cost": service.cost,
            "lastReviewedText": wording.date(service.lastReviewed.value),
            "requestText": wording("service.request", service.name),
            "contacts": service.contacts.map { TemplateValues(["role": $0.role, "name": $0.name, "email": $0.email]) },
        ]).adding(untranslated(service))
        let values: [String: (any TemplateRepresentable)?] = [
            "service": facts,
            "category": TemplateValues(["name": category?.name ?? "", "href": SitePaths.category(service.category.value)]),
            "owner": TemplateValues(["name": team?.name ?? "", "href": SitePaths.team(service.owner.value),
                                     "nameLang": original?.lang(of: team?.name, original: original?.teams[service.owner.value]?.name)]),
            "supportModel": model.map(context.supportModel),
            "targets": context.targetRows(targets),
            "hasOverrides": targets.contains { $0.isOverride },
            "bodyHTML": body.html,
            "dependencies": context.summaries(service.dependsOn.compactMap { index.servicesByID[$0.value] }),
            "dependents": context.summaries(index.dependents[service.id] ?? []),
            "replacement": service.replacedBy.flatMap { context.summaries[$0.value] },
            "performance": howWeDid(service),
            "serviceStatus": serviceStatus(service),
            "dependencyMap": dependencyMap(service).map { TemplateValue.bytes(Array($0.utf8)) },
        ]
        var trail = [home]
        if let category { trail.append((category.name, SitePaths.category(category.id))) }
        return page(path, template: "service", title: service.name, description: service.summary.value, values: values,
                    breadcrumbs: trail, jsonLD: ServiceJSONLD(index: index, service: service, language: language, wording: wording).json)
    }

    /// The `lang` of a service's name, summary and description where they are the default language's,
    /// untranslated.
    private func untranslated(_ service: Service) -> [String: (any TemplateRepresentable)?] {
        guard let original, let source = original.services[service.id] else { return [:] }
        return ["bodyLang": service.body.isEmpty ? nil : original.lang(of: service.body, original: source.body)]
    }

    private func teamPage(_ team: Team) -> OutputFile {
        let services = index.servicesOfTeam[team.id] ?? []
        return page(SitePaths.team(team.id), template: "team", title: team.name,
                    description: wording("team.description", team.name),
                    values: [
                        "team": TemplateValues(["name": team.name, "email": team.email, "phone": team.phone,
                                                "nameLang": original?.lang(of: team.name, original: original?.teams[team.id]?.name),
                                                "phoneHref": team.phone.map(PageContext.telephoneLink), "url": team.url]),
                        "hasContact": team.email != nil || team.phone != nil || team.url != nil,
                        "services": context.summaries(services),
                        "teamLead": wording("team.lead", wording.count(services.count, "count.service")),
                    ], breadcrumbs: [home])
    }

    private func supportModelPage(_ model: SupportModel) -> OutputFile {
        let targets = catalogue.settings.priorities.compactMap { priority in
            model.targets.first { $0.priority.value == priority.id }.map { (target: $0, isOverride: false) }
        }
        return page(SitePaths.supportModel(model.id), template: "support-model", title: model.name,
                    description: wording("model.description", model.name, model.hours),
                    values: [
                        "supportModel": context.supportModel(model), "targets": context.targetRows(targets),
                        "services": context.summaries(index.servicesOfSupportModel[model.id] ?? []),
                    ], breadcrumbs: [home])
    }

    private func aToZPage() -> OutputFile {
        var letters: [(letter: String, services: [Service])] = []
        for service in index.servicesByName {
            let first = SiteIndex.sortKey(service.name).first.map { $0.isLetter ? String($0).uppercased() : "#" } ?? "#"
            if letters.last?.letter == first { letters[letters.count - 1].services.append(service) } else { letters.append((first, [service])) }
        }
        return page(SitePaths.aToZ, template: "a-z", title: wording("a_z.title"),
                    description: wording("a_z.description"),
                    values: ["filters": context.filters, "letters": letters.map { group in
                        TemplateValues(["letter": group.letter, "anchor": group.letter == "#" ? "other" : Anchor.slug(group.letter),
                                        "services": context.summaries(group.services)])
                    }], breadcrumbs: [home], flags: ["isAToZ"])
    }

    private func portfolioPage() -> OutputFile {
        let statuses: [(Service.Status, String)] = [
            (.live, wording("portfolio.live")), (.pipeline, wording("portfolio.pipeline")), (.retired, wording("portfolio.retired")),
        ]
        let groups = statuses.map { status, heading in
            let services = index.servicesByName.filter { $0.status == status }
            return TemplateValues(["status": status.rawValue, "heading": heading, "count": services.count,
                                   "services": context.summaries(services)])
        }
        let count = { (status: Service.Status) in catalogue.services.count { $0.status == status } }
        return page(SitePaths.portfolio, template: "portfolio", title: wording("portfolio.title"),
                    description: wording("portfolio.description"),
                    values: ["groups": groups, "lead": wording("portfolio.lead", wording.number(count(.live)), wording.number(count(.pipeline)),
                                                               wording.number(count(.retired)))],
                    breadcrumbs: [home], flags: ["isPortfolio"])
    }

    private func sitemap(pages: [String]) -> OutputFile? {
        Self.sitemap(base: catalogue.settings.baseURL, pages: pages)
    }

    /// `sitemap.xml` of `pages` (paths in the output), when the portal has a known home.
    static func sitemap(base: String?, pages: [String]) -> OutputFile? {
        guard let base else { return nil }
        let urls = pages.sorted().map { "  <url><loc>\(XML.escape(base + $0))</loc></url>" }
        return OutputFile(path: SitePaths.sitemap, text: """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            \(urls.joined(separator: "\n"))
            </urlset>

            """)
    }
}

enum XML {
    /// The text with `& < > " '` written as entities. Worked on UTF-8 bytes (the five are ASCII, and
    /// no other character's bytes contain them): a chart's labels and a feed's text are escaped by the
    /// ten thousand.
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: bytes += "&amp;".utf8
            case 0x3C: bytes += "&lt;".utf8
            case 0x3E: bytes += "&gt;".utf8
            case 0x22: bytes += "&quot;".utf8
            case 0x27: bytes += "&apos;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Renders the whole portal in memory: every page, the assets, `catalogue.json` and its schema.
public struct SiteRenderer: Sendable {
    public let catalogue: Catalogue
    public let templates: TemplateSet
    let index: SiteIndex

    public init(catalogue: Catalogue, templates: TemplateSet) {
        self.catalogue = catalogue
        self.templates = templates
        self.index = SiteIndex(catalogue)
    }

    /// Every output file, sorted by path. The same catalogue always gives the same bytes.
    public func render() -> [OutputFile] {
        var files: [OutputFile] = []
        files.append(homePage())
        files.append(aToZPage())
        files.append(portfolioPage())
        files += catalogue.categories.map(categoryPage)
        files += catalogue.services.map(servicePage)
        files += catalogue.teams.map(teamPage)
        files += catalogue.supportModels.map(supportModelPage)
        files += templates.assets.map { OutputFile(path: $0.key, bytes: $0.value) }
        files.append(OutputFile(path: SitePaths.catalogueJSON, text: CatalogueJSON(index: index).json.serialized() + "\n"))
        files.append(OutputFile(path: SitePaths.catalogueSchema, text: CatalogueSchema.json.serialized() + "\n"))
        if let sitemap = sitemap(pages: files.map(\.path).filter { $0.hasSuffix(".html") }) { files.append(sitemap) }
        return files.sorted { $0.path < $1.path }
    }

    private var context: PageContext { PageContext(index: index) }

    /// Renders `template` with `values` inside the layout.
    private func page(
        _ path: String, template: String, title: String, description: String, values: [String: Any],
        breadcrumbs: [(name: String, href: String)] = [], flags: [String] = [], jsonLD: JSONValue? = nil
    ) -> OutputFile {
        let root = SitePaths.root(of: path)
        var values = values
        values["root"] = root
        values["site"] = context.site
        let content = templates.render(template, values)
        var layout: [String: Any] = [
            "title": title, "description": description, "root": root, "site": context.site, "content": content,
            "breadcrumbs": breadcrumbs.map { ["name": $0.name, "href": root + $0.href] },
        ]
        for flag in flags { layout[flag] = true }
        if let base = catalogue.settings.baseURL { layout["canonical"] = base + path }
        if let jsonLD { layout["jsonLD"] = jsonLD.serialized(pretty: false) }
        return OutputFile(path: path, text: templates.render("layout", layout))
    }

    private var home: (name: String, href: String) { ("Home", SitePaths.home) }

    private func homePage() -> OutputFile {
        page(SitePaths.home, template: "home", title: "Home",
             description: "Every IT service from \(catalogue.settings.organisation).",
             values: ["categories": index.topCategories.map(context.categorySummary)], flags: ["isHome"])
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
                        "services": (index.servicesInCategory[category.id] ?? []).map(context.serviceSummary),
                    ], breadcrumbs: trail)
    }

    private func servicePage(_ service: Service) -> OutputFile {
        let path = SitePaths.service(service.id)
        let root = SitePaths.root(of: path)
        let body = Markdown.render(service.body) { destination in
            guard destination.hasPrefix("service:") else { return nil }
            return root + SitePaths.service(String(destination.dropFirst("service:".count)))
        }
        let category = index.categoriesByID[service.category.value]
        let team = index.teamsByID[service.owner.value]
        let model = index.supportModelsByID[service.supportModel.value]
        let targets = index.effectiveTargets(of: service)
        var facts = context.serviceSummary(service)
        facts["statusName"] = PageContext.statusName(service.status)
        facts["audience"] = service.audience
        facts["audienceText"] = service.audience.joined(separator: ", ")
        facts["requestURL"] = service.requestURL as Any
        facts["availability"] = service.availability.map { PageContext.percent($0).dropLast() } as Any
        facts["rto"] = service.continuity?.rto?.spelledOut as Any
        facts["rpo"] = service.continuity?.rpo?.spelledOut as Any
        facts["cost"] = service.cost as Any
        facts["lastReviewedText"] = PageContext.longDate(service.lastReviewed.value)
        facts["contacts"] = service.contacts.map { ["role": $0.role, "name": $0.name, "email": $0.email as Any] }
        let values: [String: Any] = [
            "service": facts,
            "category": ["name": category?.name ?? "", "href": SitePaths.category(service.category.value)],
            "owner": ["name": team?.name ?? "", "href": SitePaths.team(service.owner.value)],
            "supportModel": model.map(context.supportModel) as Any,
            "targets": context.targetRows(targets),
            "hasOverrides": targets.contains { $0.isOverride },
            "bodyHTML": body.html,
            "dependencies": service.dependsOn.compactMap { index.servicesByID[$0.value] }.map(context.serviceSummary),
            "dependents": (index.dependents[service.id] ?? []).map(context.serviceSummary),
            "replacement": service.replacedBy.flatMap { index.servicesByID[$0.value] }.map(context.serviceSummary) as Any,
        ]
        var trail = [home]
        if let category { trail.append((category.name, SitePaths.category(category.id))) }
        return page(path, template: "service", title: service.name, description: service.summary.value, values: values,
                    breadcrumbs: trail, jsonLD: ServiceJSONLD(index: index, service: service).json)
    }

    private func teamPage(_ team: Team) -> OutputFile {
        let services = index.servicesOfTeam[team.id] ?? []
        return page(SitePaths.team(team.id), template: "team", title: team.name,
                    description: "Services owned by \(team.name).",
                    values: [
                        "team": ["name": team.name, "email": team.email as Any, "phone": team.phone as Any,
                                 "phoneHref": team.phone.map(PageContext.telephoneLink) as Any, "url": team.url as Any],
                        "hasContact": team.email != nil || team.phone != nil || team.url != nil,
                        "services": services.map(context.serviceSummary),
                        "serviceCountText": PageContext.count(services.count, "service"),
                    ], breadcrumbs: [home])
    }

    private func supportModelPage(_ model: SupportModel) -> OutputFile {
        let targets = catalogue.settings.priorities.compactMap { priority in
            model.targets.first { $0.priority.value == priority.id }.map { (target: $0, isOverride: false) }
        }
        return page(SitePaths.supportModel(model.id), template: "support-model", title: model.name,
                    description: "Support model \(model.name): \(model.hours).",
                    values: [
                        "supportModel": context.supportModel(model), "targets": context.targetRows(targets),
                        "services": (index.servicesOfSupportModel[model.id] ?? []).map(context.serviceSummary),
                    ], breadcrumbs: [home])
    }

    private func aToZPage() -> OutputFile {
        var letters: [(letter: String, services: [Service])] = []
        for service in index.servicesByName {
            let first = SiteIndex.sortKey(service.name).first.map { $0.isLetter ? String($0).uppercased() : "#" } ?? "#"
            if letters.last?.letter == first { letters[letters.count - 1].services.append(service) } else { letters.append((first, [service])) }
        }
        return page(SitePaths.aToZ, template: "a-z", title: "Services A–Z",
                    description: "Every service of \(catalogue.settings.title) from A to Z.",
                    values: ["letters": letters.map { group -> [String: Any] in
                        ["letter": group.letter, "anchor": group.letter == "#" ? "other" : Anchor.slug(group.letter),
                         "services": group.services.map(context.serviceSummary)]
                    }], breadcrumbs: [home], flags: ["isAToZ"])
    }

    private func portfolioPage() -> OutputFile {
        let statuses: [(Service.Status, String)] = [(.live, "Live"), (.pipeline, "In the pipeline"), (.retired, "Retired")]
        let groups = statuses.map { status, heading -> [String: Any] in
            let services = index.servicesByName.filter { $0.status == status }
            return ["status": status.rawValue, "heading": heading, "count": services.count,
                    "services": services.map(context.serviceSummary)]
        }
        let count = { (status: Service.Status) in catalogue.services.count { $0.status == status } }
        return page(SitePaths.portfolio, template: "portfolio", title: "Service portfolio",
                    description: "Every service by status, category and owner.",
                    values: ["groups": groups, "liveCount": count(.live), "pipelineCount": count(.pipeline),
                             "retiredCount": count(.retired)],
                    breadcrumbs: [home], flags: ["isPortfolio"])
    }

    private func sitemap(pages: [String]) -> OutputFile? {
        guard let base = catalogue.settings.baseURL else { return nil }
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
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}

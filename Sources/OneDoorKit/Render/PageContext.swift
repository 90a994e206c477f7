/// The values each template sees, built once per build where they are shared between pages.
/// Mustache escapes every `{{value}}` for HTML; only rendered Markdown, the page content and
/// JSON-LD (escaped for `<script>` by `JSONValue`) go in raw.
struct PageContext: Sendable {
    let index: SiteIndex
    /// How the pages write, in their language.
    let wording: Wording
    private(set) var site: TemplateValues
    /// The portal's own words, for the templates: `{{m.key}}`.
    let words: TemplateValues
    /// Each service as lists show it, by id.
    let summaries: [String: TemplateValues]
    /// Each support model as service pages show it, by id.
    let supportModels: [String: TemplateValues]
    /// The default language's text, when the pages are in another.
    let original: DefaultLanguageText?
    /// The ids a service page has besides its description's headings.
    let pageIDs: Set<String>
    /// What results tables say of each priority with each support model's target.
    let resultWords: [ResultWords.Key: ResultWords]
    /// Each period of the results, as pages write it in full and short.
    let periodNames: [Period: (long: String, short: String)]

    /// `original` is the catalogue's text in its default language, when the pages are in another.
    init(index: SiteIndex, pageIDs: Set<String>, wording: Wording, original: DefaultLanguageText? = nil) {
        let services = index.catalogue.services
        self.init(index: index, pageIDs: pageIDs, wording: wording, original: original,
                  summaries: Dictionary(uniqueKeysWithValues: zip(services.map(\.id), services.concurrentMap {
            PageContext.summary(of: $0, index: index, wording: wording, original: original)
        })))
    }

    /// The context of `previous` for a catalogue in which only the services at `changed` positions were
    /// edited (the same categories and teams): only their summaries are made again.
    init(index: SiteIndex, updating previous: PageContext, changed: [Int]) {
        var summaries = previous.summaries
        for position in changed {
            let service = index.catalogue.services[position]
            summaries[service.id] = PageContext.summary(of: service, index: index, wording: previous.wording, original: previous.original)
        }
        self.init(index: index, pageIDs: previous.pageIDs, wording: previous.wording, original: nil, summaries: summaries)
        site = previous.site
    }

    private init(index: SiteIndex, pageIDs: Set<String>, wording: Wording, original: DefaultLanguageText?, summaries: [String: TemplateValues]) {
        self.index = index
        self.original = original
        self.pageIDs = pageIDs
        self.wording = wording
        self.summaries = summaries
        words = PageContext.nested(wording.all)
        let performance = index.performance
        resultWords = Dictionary(performance.priorities.flatMap { priority in
            ([nil] + index.catalogue.supportModels.flatMap(\.targets)).filter { $0 == nil || $0?.priority.value == priority.id }.map { target in
                (ResultWords.Key(priority: priority.id, target: target), ResultWords(priority: priority, target: target, wording: wording))
            }
        }, uniquingKeysWith: { first, _ in first })
        periodNames = Dictionary(performance.periods.map { ($0, (wording.period($0), wording.period($0, short: true))) },
                                 uniquingKeysWith: { first, _ in first })
        supportModels = Dictionary(index.catalogue.supportModels.map { ($0.id, PageContext.values(of: $0, wording: wording, original: original)) },
                                   uniquingKeysWith: { first, _ in first })
        let settings = index.catalogue.settings
        site = TemplateValues([
            "title": settings.title, "organisation": settings.organisation, "language": wording.language,
            // The default language's text, shown while the translation is missing, says so.
            "titleLang": original?.lang(of: settings.title, original: original?.settings.title),
            "organisationLang": original?.lang(of: settings.organisation, original: original?.settings.organisation),
            "lead": settings.lead ?? wording("home.lead"),
            "searchHint": settings.searchHint ?? wording("search.hint"),
            // The words the search client writes, as JSON in an attribute.
            "searchWords": JSONValue.object(["none", "partial", "found_one", "found_many", "some_one", "some_many", "also", "close", "showing", "unavailable"]
                .map { ($0, JSONValue.string(wording("search.\($0)"))) }
                + [("live", .string(wording("status.live"))), ("pipeline", .string(wording("status.pipeline_short"))),
                   ("retired", .string(wording("status.retired"))), ("disrupted", .string(wording("state.disrupted"))),
                   ("maintenance", .string(wording("state.maintenance"))), ("affected", .string(wording("state.affected")))])
                .serialized(pretty: false),
            "hasPerformance": !index.performance.isEmpty,
            "hasNotices": !index.catalogue.notices.isEmpty,
            "contact": settings.contact.map { contact in
                TemplateValues([
                    "phone": contact.phone, "phoneHref": contact.phone.map(PageContext.telephoneLink),
                    "email": contact.email, "url": contact.url,
                ])
            },
        ])
    }

    /// Messages as the templates name them: `nav.home` is `{{m.nav.home}}`, a value within a value.
    static func nested(_ texts: [String: String]) -> TemplateValues {
        var leaves: [String: (any TemplateRepresentable)?] = [:]
        var groups: [String: [String: String]] = [:]
        for (key, text) in texts {
            if let dot = key.firstIndex(of: ".") {
                groups[String(key[..<dot]), default: [:]][String(key[key.index(after: dot)...])] = text
            } else {
                leaves[key] = text
            }
        }
        for (name, members) in groups { leaves[name] = nested(members) }
        return TemplateValues(leaves)
    }

    /// A service as lists show it.
    private static func summary(of service: Service, index: SiteIndex, wording: Wording, original: DefaultLanguageText?) -> TemplateValues {
        let source = original?.services[service.id]
        return TemplateValues([
            "id": service.id, "name": service.name, "summary": service.summary.value, "href": SitePaths.service(service.id),
            "nameLang": original?.lang(of: service.name, original: source?.name),
            "summaryLang": original?.lang(of: service.summary.value, original: source?.summary.value),
            "isPipeline": service.status == .pipeline, "isRetired": service.status == .retired,
            "typeName": PageContext.typeName(service.kind, wording), "typeShort": wording(service.kind == .business ? "type.business_short" : "type.enterprise_short"),
            "categoryName": index.categoriesByID[service.category.value]?.name ?? service.category.value,
            "ownerName": index.teamsByID[service.owner.value]?.name ?? service.owner.value,
            "lastReviewed": service.lastReviewed.value.description,
            "noticeState": SiteRenderer.stateValues(index.board.states[service.id], wording: wording),
        ])
    }

    /// A service's description for its page and for search. Service pages all sit one folder down,
    /// so `service:` links lead to `../services/ID.html`.
    func body(of service: Service) -> Markdown.Rendered {
        Markdown.render(service.body, reserved: pageIDs) { ServiceLink($0).map(SitePaths.href) }
    }

    /// The choices of the search filters.
    var filters: TemplateValues {
        TemplateValues([
            "categories": index.catalogue.categories.map { TemplateValues(["id": $0.id, "name": $0.name]) },
            "teams": index.catalogue.teams.map { TemplateValues(["id": $0.id, "name": $0.name]) },
        ])
    }

    func summaries(_ services: [Service]) -> [TemplateValues] {
        services.compactMap { summaries[$0.id] }
    }

    func categorySummary(_ category: Category) -> TemplateValues {
        let source = original?.categories[category.id]
        return TemplateValues([
            "id": category.id, "name": category.name, "description": category.description,
            "nameLang": original?.lang(of: category.name, original: source?.name),
            "descriptionLang": original?.lang(of: category.description, original: source?.description),
            "href": SitePaths.category(category.id),
            "serviceCountText": wording.count(index.totalInCategory[category.id] ?? 0, "count.service"),
        ])
    }

    func supportModel(_ model: SupportModel) -> TemplateValues {
        supportModels[model.id] ?? PageContext.values(of: model, wording: wording, original: original)
    }

    private static func values(of model: SupportModel, wording: Wording, original: DefaultLanguageText?) -> TemplateValues {
        let source = original?.supportModels[model.id]
        return TemplateValues([
            "name": model.name, "hours": model.hours, "href": SitePaths.supportModel(model.id),
            "nameLang": original?.lang(of: model.name, original: source?.name),
            "hoursLang": original?.lang(of: model.hours, original: source?.hours),
            "escalation": model.escalation,
            "channels": model.channels.map { channel in
                TemplateValues([
                    "typeName": PageContext.channelName(channel.kind, wording), "value": channel.value,
                    "href": PageContext.link(for: channel), "label": channel.label,
                ])
            },
        ])
    }

    /// Rows of the targets table, in priority order.
    func targetRows(_ targets: [(target: Target, isOverride: Bool)]) -> [TemplateValues] {
        targets.map { target, isOverride in
            let priority = index.prioritiesByID[target.priority.value]
            return TemplateValues([
                "priorityName": priority?.name ?? target.priority.value,
                "priorityLang": original?.lang(of: priority?.name, original: original?.priorities[target.priority.value]?.name),
                "priorityDescription": priority?.description,
                "respond": target.respond.map { wording("targets.within", wording.duration($0)) } ?? "—",
                "resolveText": wording("targets.resolve_text", wording.percent(target.percent), wording.duration(target.resolve)),
                "isOverride": isOverride,
            ])
        }
    }

    static func typeName(_ kind: Service.Kind, _ wording: Wording) -> String {
        wording(kind == .business ? "type.business" : "type.enterprise")
    }

    func statusName(_ status: Service.Status) -> String {
        switch status {
        case .pipeline: wording("status.pipeline")
        case .live: wording("status.live")
        case .retired: wording("status.retired")
        }
    }

    static func channelName(_ kind: Channel.Kind, _ wording: Wording) -> String {
        switch kind {
        case .phone: wording("channel.phone")
        case .email: wording("channel.email")
        case .portal: wording("channel.portal")
        case .chat: wording("channel.chat")
        case .walkIn: wording("channel.walk_in")
        }
    }

    /// The link a channel opens: `tel:`, `mailto:` or the web address; walk-in has none.
    static func link(for channel: Channel) -> String? {
        switch channel.kind {
        case .phone: telephoneLink(channel.value)
        case .email: "mailto:\(channel.value)"
        case .portal, .chat: channel.value
        case .walkIn: nil
        }
    }

    /// `tel:` with the digits of a number, and its extension after `;ext=`.
    static func telephoneLink(_ number: String) -> String {
        let parts = number.split(separator: "x", maxSplits: 1)
        let main = parts[0].filter { $0.isNumber || $0 == "+" }
        let ext = parts.count > 1 ? ";ext=" + parts[1].filter(\.isNumber) : ""
        return "tel:\(main)\(ext)"
    }
}

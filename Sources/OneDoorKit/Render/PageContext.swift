/// The values each template sees, built once per build where they are shared between pages.
/// Mustache escapes every `{{value}}` for HTML; only rendered Markdown, the page content and
/// JSON-LD (escaped for `<script>` by `JSONValue`) go in raw.
struct PageContext: Sendable {
    let index: SiteIndex
    let site: TemplateValues
    /// Each service as lists show it, by id.
    let summaries: [String: TemplateValues]
    /// Each support model as service pages show it, by id.
    let supportModels: [String: TemplateValues]
    /// The ids a service page has besides its description's headings.
    let pageIDs: Set<String>

    init(index: SiteIndex, pageIDs: Set<String>) {
        let services = index.catalogue.services
        self.init(index: index, pageIDs: pageIDs, summaries: Dictionary(uniqueKeysWithValues: zip(services.map(\.id), services.concurrentMap {
            PageContext.summary(of: $0, index: index)
        })))
    }

    /// The context of `previous` for a catalogue in which only the services at `changed` positions were
    /// edited (the same categories and teams): only their summaries are made again.
    init(index: SiteIndex, updating previous: PageContext, changed: [Int]) {
        var summaries = previous.summaries
        for position in changed {
            let service = index.catalogue.services[position]
            summaries[service.id] = PageContext.summary(of: service, index: index)
        }
        self.init(index: index, pageIDs: previous.pageIDs, summaries: summaries)
    }

    private init(index: SiteIndex, pageIDs: Set<String>, summaries: [String: TemplateValues]) {
        self.index = index
        self.pageIDs = pageIDs
        self.summaries = summaries
        supportModels = Dictionary(index.catalogue.supportModels.map { ($0.id, PageContext.values(of: $0)) },
                                   uniquingKeysWith: { first, _ in first })
        let settings = index.catalogue.settings
        site = TemplateValues([
            "title": settings.title, "organisation": settings.organisation, "language": settings.language,
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

    /// A service as lists show it.
    private static func summary(of service: Service, index: SiteIndex) -> TemplateValues {
        TemplateValues([
            "id": service.id, "name": service.name, "summary": service.summary.value, "href": SitePaths.service(service.id),
            "isPipeline": service.status == .pipeline, "isRetired": service.status == .retired,
            "typeName": PageContext.typeName(service.kind), "typeShort": service.kind == .business ? "Business" : "Enterprise",
            "categoryName": index.categoriesByID[service.category.value]?.name ?? service.category.value,
            "ownerName": index.teamsByID[service.owner.value]?.name ?? service.owner.value,
            "lastReviewed": service.lastReviewed.value.description,
            "noticeState": SiteRenderer.stateValues(index.board.states[service.id]),
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
        TemplateValues([
            "id": category.id, "name": category.name, "description": category.description,
            "href": SitePaths.category(category.id),
            "serviceCountText": PageContext.count(index.totalInCategory[category.id] ?? 0, "service"),
        ])
    }

    func supportModel(_ model: SupportModel) -> TemplateValues {
        supportModels[model.id] ?? PageContext.values(of: model)
    }

    private static func values(of model: SupportModel) -> TemplateValues {
        TemplateValues([
            "name": model.name, "hours": model.hours, "href": SitePaths.supportModel(model.id),
            "escalation": model.escalation,
            "channels": model.channels.map { channel in
                TemplateValues([
                    "typeName": PageContext.channelName(channel.kind), "value": channel.value,
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
                "priorityDescription": priority?.description,
                "respond": target.respond.map { "Within \($0.spelledOut)" } ?? "—",
                "resolveText": "\(PageContext.percent(target.percent)) within \(target.resolve.spelledOut)",
                "isOverride": isOverride,
            ])
        }
    }

    static func typeName(_ kind: Service.Kind) -> String {
        switch kind {
        case .business: "Business service (for staff)"
        case .enterprise: "Enterprise service (technical)"
        }
    }

    static func statusName(_ status: Service.Status) -> String {
        switch status {
        case .pipeline: "Coming soon (pipeline)"
        case .live: "Live"
        case .retired: "Retired"
        }
    }

    static func channelName(_ kind: Channel.Kind) -> String {
        switch kind {
        case .phone: "Phone"
        case .email: "Email"
        case .portal: "Online"
        case .chat: "Chat"
        case .walkIn: "In person"
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

    static func percent(_ value: Double) -> String {
        (value.rounded() == value ? String(Int(value)) : String(value)) + "%"
    }

    /// `October 2026`, `Q3 2026`, `2026`.
    static func periodName(_ period: Period) -> String { BoardPack.name(of: period) }

    /// `Oct 2026`, `Q3 2026`: for a chart's axis.
    static func shortPeriodName(_ period: Period) -> String { BoardPack.name(of: period, short: true) }

    /// A level achieved, to one decimal: `95.8%`.
    static func share(_ value: Double) -> String { BoardPack.share(value) }

    /// A count with its thousands grouped: `12,345`.
    static func number(_ value: Int) -> String { BoardPack.number(value) }

    static func count(_ n: Int, _ word: String) -> String {
        "\(n) \(word)\(n == 1 ? "" : "s")"
    }

    /// `15 June 2026`.
    static func longDate(_ day: Day) -> String {
        "\(day.day) \(BoardPack.monthNames[day.month - 1]) \(day.year)"
    }
}

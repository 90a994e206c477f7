internal import Foundation

/// The values each template sees. Mustache escapes every `{{value}}` for HTML; only rendered
/// Markdown, the page content and JSON-LD (escaped for `<script>` by `JSONValue`) go in raw.
struct PageContext {
    let index: SiteIndex

    var site: [String: Any] {
        let settings = index.catalogue.settings
        var site: [String: Any] = [
            "title": settings.title, "organisation": settings.organisation, "language": settings.language,
        ]
        if let contact = settings.contact {
            site["contact"] = [
                "phone": contact.phone as Any, "phoneHref": contact.phone.map(PageContext.telephoneLink) as Any,
                "email": contact.email as Any, "url": contact.url as Any,
            ]
        }
        return site
    }

    func serviceSummary(_ service: Service) -> [String: Any] {
        [
            "id": service.id, "name": service.name, "summary": service.summary.value, "href": SitePaths.service(service.id),
            "isPipeline": service.status == .pipeline, "isRetired": service.status == .retired,
            "typeName": PageContext.typeName(service.kind), "typeShort": service.kind == .business ? "Business" : "Enterprise",
            "categoryName": index.categoriesByID[service.category.value]?.name ?? service.category.value,
            "ownerName": index.teamsByID[service.owner.value]?.name ?? service.owner.value,
            "lastReviewed": service.lastReviewed.value.description,
        ]
    }

    func categorySummary(_ category: Category) -> [String: Any] {
        let count = index.totalInCategory[category.id] ?? 0
        return [
            "id": category.id, "name": category.name, "description": category.description as Any,
            "href": SitePaths.category(category.id), "serviceCountText": PageContext.count(count, "service"),
        ]
    }

    func supportModel(_ model: SupportModel) -> [String: Any] {
        [
            "name": model.name, "hours": model.hours, "href": SitePaths.supportModel(model.id),
            "escalation": model.escalation,
            "channels": model.channels.map { channel -> [String: Any] in
                ["typeName": PageContext.channelName(channel.kind), "value": channel.value,
                 "href": PageContext.link(for: channel) as Any, "label": channel.label as Any]
            },
        ]
    }

    /// Rows of the targets table, in priority order.
    func targetRows(_ targets: [(target: Target, isOverride: Bool)]) -> [[String: Any]] {
        targets.map { target, isOverride in
            let priority = index.prioritiesByID[target.priority.value]
            return [
                "priorityName": priority?.name ?? target.priority.value,
                "priorityDescription": priority?.description as Any,
                "respond": target.respond.map { "Within \($0.spelledOut)" } ?? "—",
                "resolveText": "\(PageContext.percent(target.percent)) within \(target.resolve.spelledOut)",
                "isOverride": isOverride,
            ]
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

    static func count(_ n: Int, _ word: String) -> String {
        "\(n) \(word)\(n == 1 ? "" : "s")"
    }

    /// `15 June 2026`.
    static func longDate(_ day: Day) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return "\(day.day) \(months[day.month - 1]) \(day.year)"
    }
}

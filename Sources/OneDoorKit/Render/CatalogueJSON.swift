internal import Foundation

/// `catalogue.json`: the whole catalogue for other tools, every field of the format, references as ids,
/// services sorted by id. Optional fields that are not set are left out; lists are always present.
struct CatalogueJSON {
    let index: SiteIndex
    /// The catalogue read in each of its other languages: each item says what of its text differs in
    /// them (`"translations": {"fr": {"name": …}}`).
    let translations: [(language: String, index: SiteIndex)]

    init(index: SiteIndex, translations: [(language: String, index: SiteIndex)] = []) {
        self.index = index
        self.translations = translations
    }

    /// An item's text in the other languages where it differs from the default language's: `fields`
    /// gives the item's text fields as one language's read has them. Nothing when no text differs.
    private func translated(_ fields: (SiteIndex) -> [(String, JSONValue?)]) -> JSONValue? {
        guard !translations.isEmpty else { return nil }
        let original = fields(index)
        let languages: [(String, JSONValue?)] = translations.compactMap { language, other in
            let differing = zip(original, fields(other)).filter { $0.1 != $1.1 }.map(\.1)
            return differing.isEmpty ? nil : (language, JSONValue.fields(differing))
        }
        return languages.isEmpty ? nil : .fields(languages)
    }

    var json: JSONValue {
        guard case let .object(fields) = header else { return header }
        return .object(fields + [("services", .array(index.catalogue.services.map(service)))])
    }

    /// The pretty-printed file, written a service at a time so that a large catalogue never sits in
    /// memory whole; the bytes are those of `json.bytes()` followed by a line break.
    func write(_ emit: ([UInt8]) -> Void) {
        let services = index.catalogue.services
        var buffer = head()
        for (offset, service) in services.enumerated() {
            buffer += entry(for: service, first: offset == 0)
            if buffer.count >= 1 << 16 {
                emit(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        emit(buffer + Self.end(hasServices: !services.isEmpty))
    }

    /// The file up to the opening of the list of services.
    func head() -> [UInt8] {
        var head = header.bytes()
        head.removeLast(2)  // the closing "\n}"
        return head + ",\n  \"services\": [".utf8
    }

    /// One service's place in the list, with the comma before it unless it comes first.
    func entry(for service: Service, first: Bool) -> [UInt8] {
        var bytes = Array((first ? "\n    " : ",\n    ").utf8)
        self.service(service).write(to: &bytes, indent: 4)
        return bytes
    }

    /// The file after the last service.
    static func end(hasServices: Bool) -> [UInt8] {
        Array((hasServices ? "\n  ]\n}\n" : "]\n}\n").utf8)
    }

    /// Everything but the services.
    private var header: JSONValue {
        let catalogue = index.catalogue
        let settings = catalogue.settings
        let contact: JSONValue? = settings.contact.map { contact in
            .fields([("phone", .text(contact.phone)), ("email", .text(contact.email)), ("url", .text(contact.url))])
        }
        let priorities: [JSONValue] = settings.priorities.map(priority)
        let categories: [JSONValue] = catalogue.categories.map(category)
        let teams: [JSONValue] = catalogue.teams.map(team)
        let supportModels: [JSONValue] = catalogue.supportModels.map(supportModel)
        return .fields([
            ("format", .string("onedoor-catalogue")),
            ("version", .int(1)),
            ("title", .string(settings.title)),
            ("organisation", .string(settings.organisation)),
            ("base_url", .text(settings.baseURL)),
            ("language", .string(settings.language)),
            ("contact", contact),
            ("review_interval_days", .int(settings.reviewIntervalDays)),
            ("priorities", .array(priorities)),
            ("customers", settings.customers.isEmpty ? nil : .array(settings.customers.map(customer))),
            ("categories", .array(categories)),
            ("teams", .array(teams)),
            ("support_models", .array(supportModels)),
            ("performance", measurements(index.performance.catalogueRows)),
            ("languages", settings.isMultilingual ? .array(settings.languages.map(JSONValue.string)) : nil),
            ("translations", translated { index in
                let settings = index.catalogue.settings
                return [("title", .string(settings.title)), ("organisation", .string(settings.organisation)), ("lead", .text(settings.lead)),
                        ("search_hint", .text(settings.searchHint)), ("help_desk", .text(settings.helpDesk))]
            }),
        ] + (catalogue.notices.isEmpty ? [] : [
            ("timezone", .string(settings.timeZone.identifier)),
            ("generated", .string(isoTime(index.board.now))),
            ("notices", .array(index.board.entries.map(notice))),
        ]))
    }

    private func isoTime(_ seconds: Int) -> String { index.board.timeZone.rfc3339(atSecondsSince1970: seconds) }

    private func notice(_ entry: NoticeBoard.Entry) -> JSONValue {
        let notice = entry.notice
        let zone = index.board.timeZone
        let time = { (local: LocalTime) in isoTime(zone.secondsSince1970(of: local)) }
        let reach = index.board.reach(of: notice).map(\.service)
        return .fields([
            ("id", .string(notice.id)), ("title", .string(notice.title)), ("kind", .string(notice.kind.rawValue)),
            ("severity", .text(notice.severity?.value.rawValue)),
            ("services", .array(notice.services.map { .string($0.value) })),
            ("customers", .array(notice.customers.map { .string($0.value) })),
            ("start", .string(isoTime(entry.start))), ("end", .text(entry.end.map(isoTime))),
            ("published", .text(notice.published.map { time($0.value) })),
            ("reference", .text(notice.reference)), ("cause", .text(notice.cause)),
            ("updates", .array(notice.updates.map { .fields([("at", .string(time($0.at.value))), ("text", .string($0.text))]) })),
            ("description", .string(notice.body.trimmed)),
            ("phase", .string(entry.phase.rawValue)),
            ("updated", .string(isoTime(entry.updated))),
            ("may_affect", .array(reach.sorted().map(JSONValue.string))),
            ("page", .string(SitePaths.notice(notice.id))),
        ])
    }

    /// Results as `catalogue.json` gives them; nothing when there are none, so that a catalogue with
    /// no performance files gives the same file as before.
    private func measurements(_ results: [PerformanceResults.Result]) -> JSONValue? {
        guard !results.isEmpty else { return nil }
        return .array(results.map { result in
            var row = JSONValue.Row()
            row.add("period", result.period.description)
            row.add("priority", result.priority)
            row.add("customer", result.customer)
            row.add("resolved", result.resolved)
            row.add("within_target", result.withinTarget)
            row.add("opened", result.opened)
            row.add("satisfied", result.satisfaction?.satisfied)
            row.add("neutral", result.satisfaction?.neutral)
            row.add("dissatisfied", result.satisfaction?.dissatisfied)
            row.add("achieved", number: result.achieved(toPlaces: 2))
            row.add("target", number: result.target?.percent)
            row.add("met", result.met)
            return row.finished()
        })
    }

    private func priority(_ priority: Priority) -> JSONValue {
        let text = { (priority: Priority?) -> [(String, JSONValue?)] in
            [("name", priority.map { .string($0.name) }), ("description", .text(priority?.description)),
             ("examples", .array((priority?.examples ?? []).map(JSONValue.string)))]
        }
        return .fields([("id", .string(priority.id))] + text(priority)
            + [("translations", translated { text($0.prioritiesByID[priority.id]) })])
    }

    private func customer(_ customer: Customer) -> JSONValue {
        .fields([
            ("id", .string(customer.id)), ("name", .string(customer.name)),
            ("translations", translated { index in
                [("name", index.catalogue.settings.customer(customer.id).map { .string($0.name) })]
            }),
        ])
    }

    private func category(_ category: Category) -> JSONValue {
        let text = { (category: Category?) -> [(String, JSONValue?)] in
            [("name", category.map { .string($0.name) }), ("description", .text(category?.description))]
        }
        return .fields([("id", .string(category.id))] + text(category) + [("parent", .text(category.parent?.value)),
            ("translations", translated { text($0.categoriesByID[category.id]) })])
    }

    private func team(_ team: Team) -> JSONValue {
        .fields([
            ("id", .string(team.id)), ("name", .string(team.name)), ("email", .text(team.email)),
            ("phone", .text(team.phone)), ("url", .text(team.url)),
            ("translations", translated { [("name", $0.teamsByID[team.id].map { .string($0.name) })] }),
        ])
    }

    private func supportModel(_ model: SupportModel) -> JSONValue {
        let channels: [JSONValue] = model.channels.map { channel in
            .fields([("type", .string(channel.kind.rawValue)), ("value", .string(channel.value)), ("label", .text(channel.label))])
        }
        return .fields([
            ("id", .string(model.id)), ("name", .string(model.name)), ("hours", .string(model.hours)),
            ("channels", .array(channels)), ("escalation", .array(model.escalation.map(JSONValue.string))),
            ("targets", targets(model.targets)),
            ("translations", translated { index in
                let model = index.supportModelsByID[model.id]
                return [("name", model.map { .string($0.name) }), ("hours", model.map { .string($0.hours) }),
                        ("escalation", .array((model?.escalation ?? []).map(JSONValue.string)))]
            }),
        ])
    }

    private func service(_ service: Service) -> JSONValue {
        let contacts: [JSONValue] = service.contacts.map { contact in
            .fields([("role", .string(contact.role)), ("name", .string(contact.name)), ("email", .text(contact.email))])
        }
        let continuity: JSONValue? = service.continuity.map { continuity in
            .fields([("rto", .text(continuity.rto?.description)), ("rpo", .text(continuity.rpo?.description))])
        }
        let usedBy = (index.dependents[service.id] ?? []).map(\.id).sorted().map(JSONValue.string)
        return .fields([
            ("id", .string(service.id)),
            ("name", .string(service.name)),
            ("summary", .string(service.summary.value)),
            ("category", .string(service.category.value)),
            ("type", .string(service.kind.rawValue)),
            ("status", .string(service.status.rawValue)),
            ("owner", .string(service.owner.value)),
            ("support_model", .string(service.supportModel.value)),
            ("audience", .array(service.audience.map(JSONValue.string))),
            ("keywords", .array(service.keywords.map(JSONValue.string))),
            ("request_url", .text(service.requestURL)),
            ("contacts", .array(contacts)),
            ("depends_on", .array(service.dependsOn.map { .string($0.value) })),
            ("targets", targets(service.targets)),
            ("availability", service.availability.map(JSONValue.number)),
            ("continuity", continuity),
            ("cost", .text(service.cost)),
            ("last_reviewed", .string(service.lastReviewed.value.description)),
            ("replaced_by", .text(service.replacedBy?.value)),
            ("description", .string(service.body.trimmed)),
            ("used_by", .array(usedBy)),
            ("performance", measurements(index.performance.rows(for: service, model: index.supportModelsByID[service.supportModel.value]))),
            ("source", .string(service.file)),
            ("page", .string(SitePaths.service(service.id))),
            ("translations", translated { index in
                let service = index.servicesByID[service.id]
                return [("name", service.map { .string($0.name) }), ("summary", service.map { .string($0.summary.value) }),
                        ("keywords", .array((service?.keywords ?? []).map(JSONValue.string))),
                        ("audience", .array((service?.audience ?? []).map(JSONValue.string))), ("cost", .text(service?.cost)),
                        ("request_url", .text(service?.requestURL)), ("description", service.map { .string($0.body.trimmed) })]
            }),
        ])
    }

    private func targets(_ targets: [Target]) -> JSONValue {
        .array(targets.map { target -> JSONValue in
            .fields([
                ("priority", .string(target.priority.value)), ("respond", .text(target.respond?.description)),
                ("resolve", .string(target.resolve.description)), ("percent", .number(target.percent)),
            ])
        })
    }
}

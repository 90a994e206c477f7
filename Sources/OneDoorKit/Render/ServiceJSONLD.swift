/// schema.org `Service` data for a service page, so search engines and assistants read the same facts.
struct ServiceJSONLD {
    let index: SiteIndex
    let service: Service
    /// The language of the page, and so of the text.
    let language: SiteLanguage
    let wording: Wording

    var json: JSONValue {
        let settings = index.catalogue.settings
        let model = index.supportModelsByID[service.supportModel.value]
        let team = index.teamsByID[service.owner.value]
        let provider: JSONValue = .fields([
            ("@type", .string("Organization")),
            ("name", .string(team?.name ?? settings.organisation)),
            ("email", .text(team?.email)),
            ("telephone", .text(team?.phone)),
            ("parentOrganization", .fields([("@type", .string("Organization")), ("name", .string(settings.organisation))])),
        ])
        let audience: [JSONValue] = service.audience.map { audience in
            .fields([("@type", .string("Audience")), ("audienceType", .string(audience))])
        }
        let channels: [JSONValue] = (model?.channels ?? []).map { channel(_: $0, hours: model?.hours ?? "") }
        let hours: JSONValue? = model.map { model in
            .fields([("@type", .string("OpeningHoursSpecification")), ("description", .string(model.hours))])
        }
        return .fields([
            ("@context", .string("https://schema.org")),
            ("@type", .string("Service")),
            ("name", .string(service.name)),
            ("description", .string(service.summary.value)),
            ("serviceType", .string(service.kind.rawValue)),
            ("category", .text(index.categoriesByID[service.category.value]?.name)),
            ("url", .text(settings.baseURL.map { $0 + language.folder + SitePaths.service(service.id) })),
            ("provider", provider),
            ("audience", audience.isEmpty ? nil : .array(audience)),
            ("availableChannel", channels.isEmpty ? nil : .array(channels)),
            ("hoursAvailable", hours),
        ])
    }

    private func channel(_ channel: Channel, hours: String) -> JSONValue {
        let phone: JSONValue? = channel.kind == .phone
            ? .fields([("@type", .string("ContactPoint")), ("telephone", .string(channel.value)), ("hoursAvailable", .string(hours))])
            : nil
        let url: JSONValue? = channel.kind == .portal || channel.kind == .chat ? .string(channel.value) : nil
        let place: JSONValue? = channel.kind == .walkIn
            ? .fields([("@type", .string("Place")), ("address", .string(channel.value))])
            : nil
        return .fields([
            ("@type", .string("ServiceChannel")),
            ("name", .string(channel.label ?? PageContext.channelName(channel.kind, wording))),
            ("servicePhone", phone),
            ("serviceUrl", url),
            ("serviceLocation", place),
            ("availableLanguage", .string(language.language)),
        ])
    }
}

/// JSON Schemas of the source files, for editors that check YAML while a person types
/// (VS Code's YAML extension, JetBrains IDEs). They say what the loader accepts, as far as a schema can.
public enum SourceSchemas {
    public enum Kind: String, Sendable, CaseIterable {
        case service, catalogue, categories, teams
        case supportModels = "support-models"
        case notice, translation
    }

    public static func schema(_ kind: Kind) -> JSONValue {
        let (title, body): (String, [(String, JSONValue)]) = switch kind {
        case .service: ("OneDoor service (front matter of services/**/*.md)", object(service, required: requiredServiceFields))
        case .catalogue: ("OneDoor catalogue.yaml", object(catalogue, required: ["title", "organisation", "priorities"]))
        case .categories: ("OneDoor categories.yaml", list(.object(object(category, required: ["id", "name"]))))
        case .teams: ("OneDoor teams.yaml", list(.object(object(team, required: ["id", "name"]))))
        case .supportModels: ("OneDoor support-models.yaml", list(.object(object(supportModel, required: ["id", "name", "hours", "channels", "targets"]))))
        case .notice: ("OneDoor notice (front matter of notices/*.md)", object(notice, required: ["title", "kind", "start"]))
        case .translation: ("OneDoor translation of a service (front matter of services/**/ID.LANG.md)",
                            object(service.filter { ServiceTranslation.fields.contains($0.0) }, required: []))
        }
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://onedoor.example/schemas/\(kind.rawValue).schema.json")),
            ("title", .string(title)),
        ] + body)
    }

    static let requiredServiceFields = ["name", "summary", "category", "type", "status", "owner", "support_model", "last_reviewed"]

    private static func described(_ text: String, _ schema: [(String, JSONValue)]) -> JSONValue {
        .object([("description", .string(text))] + schema)
    }

    private static let idRule: [(String, JSONValue)] = [
        ("type", .string("string")), ("pattern", .string(CatalogueSchema.identifierPattern)), ("maxLength", .int(64)),
    ]
    private static let id = described("Lower-case letters and digits, words joined by single hyphens, at most 64 characters.", idRule)
    private static let text: JSONValue = .object([("type", .string("string")), ("minLength", .int(1))])
    private static let duration = described("A whole number and m, h, d, wh (working hours) or wd (working days): 15m, 4h, 2wd.",
                                            [("type", .string("string")), ("pattern", .string(CatalogueSchema.durationPattern))])
    private static let url = described("A full web address starting with https:// or http://.",
                                       [("type", .string("string")), ("pattern", .string("^https?://[^\\s/?#]+"))])
    private static let email: JSONValue = .object([("type", .string("string")), ("pattern", .string("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"))])
    private static let phone = described("Digits, spaces and + - ( ) x. Quote it: \"902-424-6160\".",
                                         [("type", .string("string")), ("pattern", .string("^[0-9 +()x-]*[0-9][0-9 +()x-]*$"))])
    private static let textList: JSONValue = .object([("type", .string("array")), ("items", text)])

    /// A text a person reads, which may be a map from language to text in a catalogue of several languages.
    private static func localized(_ schema: JSONValue) -> JSONValue {
        .object([("anyOf", .array([schema, .object([
            ("description", .string("The text in each language of the catalogue: {en: …, fr: …}.")), ("type", .string("object")),
            ("propertyNames", .object([("pattern", .string("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"))])), ("additionalProperties", schema),
        ])]))])
    }

    private static var target: JSONValue {
        .object(object([
            ("priority", id), ("respond", duration), ("resolve", duration),
            ("percent", .object([("type", .string("number")), ("minimum", .int(1)), ("maximum", .int(100))])),
        ], required: ["priority", "resolve", "percent"]))
    }

    private static var service: [(String, JSONValue)] {
        [
            ("id", id),
            ("name", .object([("type", .string("string")), ("minLength", .int(1)), ("maxLength", .int(120))])),
            ("summary", described("One plain sentence saying what people get.", [("type", .string("string")), ("minLength", .int(1)), ("maxLength", .int(300))])),
            ("category", described("The id of a category in categories.yaml.", idRule)),
            ("type", .object([("enum", .array(Service.Kind.allCases.map { .string($0.rawValue) }))])),
            ("status", .object([("enum", .array(Service.Status.allCases.map { .string($0.rawValue) }))])),
            ("owner", described("The id of a team in teams.yaml.", idRule)),
            ("support_model", described("The id of a support model in support-models.yaml.", idRule)),
            ("audience", textList),
            ("keywords", textList),
            ("request_url", url),
            ("contacts", .object([("type", .string("array")), ("items", .object(object([("role", text), ("name", text), ("email", email)], required: ["role", "name"])))])),
            ("depends_on", .object([("type", .string("array")), ("items", id)])),
            ("targets", .object([("type", .string("array")), ("items", target)])),
            ("availability", .object([("type", .string("number")), ("exclusiveMinimum", .int(0)), ("maximum", .int(100))])),
            ("continuity", .object(object([("rto", duration), ("rpo", duration)], required: []))),
            ("cost", text),
            ("last_reviewed", described("The date of the last review, YYYY-MM-DD.", [("type", .string("string")), ("pattern", .string(CatalogueSchema.datePattern))])),
            ("replaced_by", described("Only on a retired service: the id of the live service that replaces it.", idRule)),
        ]
    }

    private static var catalogue: [(String, JSONValue)] {
        [
            ("title", localized(text)), ("organisation", localized(text)),
            ("base_url", described("An absolute http(s) address ending in /.", [("type", .string("string")), ("pattern", .string("^https?://.+/$"))])),
            ("language", .object([("type", .string("string")), ("pattern", .string("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"))])),
            ("languages", described("Every language of the catalogue, the default first; instead of 'language'.",
                                    [("type", .string("array")), ("minItems", .int(1)), ("uniqueItems", .bool(true)),
                                     ("items", .object([("type", .string("string")), ("pattern", .string("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"))]))])),
            ("lead", localized(described("The home page's lead sentence.", [("type", .string("string")), ("minLength", .int(1))]))),
            ("search_hint", localized(described("The hint under the search box.", [("type", .string("string")), ("minLength", .int(1))]))),
            ("help_desk", localized(described("Who people contact when nothing else fits, as it reads after 'Contact': 'the IT Service Desk'.",
                                              [("type", .string("string")), ("minLength", .int(1))]))),
            ("messages", described("The portal's own words replaced, by message key (see docs/languages.md).",
                                   [("type", .string("object")), ("propertyNames", .object([("enum", .array(Messages.keys.sorted().map(JSONValue.string)))])),
                                    ("additionalProperties", localized(text))])),
            ("contact", .object(object([("phone", phone), ("email", email), ("url", url)], required: []))),
            ("timezone", described("The IANA time zone of the times in notices, such as America/Halifax; UTC when not given.", [("type", .string("string"))])),
            ("review_interval_days", .object([("type", .string("integer")), ("minimum", .int(1))])),
            ("priorities", .object([("type", .string("array")), ("minItems", .int(1)), ("items", .object(object(
                [("id", id), ("name", localized(text)), ("description", localized(text)), ("examples", localized(textList))],
                required: ["id", "name"])))])),
            ("customers", described("Who tickets come from (a department, a council), named by the customer column of performance/*.csv and by notices: each id listed here is checked there.",
                                    [("type", .string("array")), ("items", .object(object([("id", id), ("name", localized(text))], required: ["id", "name"])))])),
            ("synonyms", described("Groups of words or phrases that search treats as the same, such as [sin, social insurance number].",
                                   [("type", .string("array")), ("items", .object([("type", .string("array")), ("minItems", .int(2)),
                                                                                  ("items", text)]))])),
        ]
    }

    private static let timeRule: [(String, JSONValue)] = [
        ("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-2][0-9]:[0-5][0-9]$")),
    ]
    private static let time = described("A date and time in the catalogue's time zone, YYYY-MM-DD HH:MM (24-hour clock).", timeRule)

    private static var notice: [(String, JSONValue)] {
        [
            ("title", .object([("type", .string("string")), ("minLength", .int(1)), ("maxLength", .int(120))])),
            ("kind", .object([("enum", .array(Notice.Kind.allCases.map { .string($0.rawValue) }))])),
            ("severity", described("Incidents only, and required there.", [("enum", .array(Notice.Severity.allCases.map { .string($0.rawValue) }))])),
            ("services", described("The ids of the services it is about (at least one, but for announcements).", [("type", .string("array")), ("items", id)])),
            ("customers", .object([("type", .string("array")), ("items", id)])),
            ("start", time),
            ("end", described("When an incident was resolved (absent while open), or when a planned change ends (required there).", timeRule)),
            ("published", described("When the notice was first published, if not at its start.", timeRule)),
            ("reference", text), ("cause", text),
            ("updates", .object([("type", .string("array")), ("items", .object(object([("at", time), ("text", text)], required: ["at", "text"])))])),
        ]
    }

    private static let category: [(String, JSONValue)] = [("id", id), ("name", localized(text)), ("description", localized(text)), ("parent", id)]
    private static let team: [(String, JSONValue)] = [("id", id), ("name", localized(text)), ("email", email), ("phone", phone), ("url", url)]

    private static var supportModel: [(String, JSONValue)] {
        let channel = JSONValue.object(object([
            ("type", .object([("enum", .array(Channel.Kind.allCases.map { .string($0.rawValue) }))])), ("value", text), ("label", localized(text)),
        ], required: ["type", "value"]))
        return [
            ("id", id), ("name", localized(text)), ("hours", localized(text)),
            ("channels", .object([("type", .string("array")), ("minItems", .int(1)), ("items", channel)])),
            ("escalation", localized(textList)),
            ("targets", .object([("type", .string("array")), ("minItems", .int(1)), ("items", target)])),
        ]
    }

    private static func object(_ properties: [(String, JSONValue)], required: [String]) -> [(String, JSONValue)] {
        [
            ("type", .string("object")), ("required", .array(required.map(JSONValue.string))), ("additionalProperties", .bool(false)),
            ("properties", .object(properties)),
        ]
    }

    private static func list(_ item: JSONValue) -> [(String, JSONValue)] {
        [("type", .string("array")), ("items", item)]
    }
}

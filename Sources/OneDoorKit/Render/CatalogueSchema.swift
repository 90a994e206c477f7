/// The JSON Schema (draft 2020-12) that `catalogue.json` validates against.
enum CatalogueSchema {
    static let identifierPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"
    static let durationPattern = "^[1-9][0-9]*(m|h|d|wh|wd)$"
    static let datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

    static var json: JSONValue {
        .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://onedoor.example/schemas/catalogue.schema.json")),
            ("title", .string("OneDoor catalogue")),
            ("description", .string("The whole service catalogue as published by `onedoor build`.")),
            ("type", .string("object")),
            ("required", strings(["format", "version", "title", "organisation", "language", "review_interval_days",
                                  "priorities", "categories", "teams", "support_models", "services"])),
            ("additionalProperties", .bool(false)),
            ("properties", .object([
                ("format", .object([("const", .string("onedoor-catalogue"))])),
                ("version", .object([("const", .int(1))])),
                ("title", text),
                ("organisation", text),
                ("base_url", .object([("type", .string("string")), ("pattern", .string("^https?://.+/$"))])),
                ("language", text),
                ("contact", object(required: [], [("phone", text), ("email", email), ("url", url)])),
                ("review_interval_days", .object([("type", .string("integer")), ("minimum", .int(1))])),
                ("priorities", list(ref("priority"), minItems: 1)),
                ("customers", .object([("description", .string("Who tickets come from, when catalogue.yaml lists them: the ids of measurements and notices, with their names.")),
                                       ("type", .string("array")), ("items", ref("customer"))])),
                ("categories", list(ref("category"))),
                ("teams", list(ref("team"))),
                ("support_models", list(ref("supportModel"))),
                ("services", list(ref("service"))),
                ("performance", .object([("description", .string("The whole catalogue's rows of performance/*.csv (service *), each against the strictest support model's target.")),
                                         ("type", .string("array")), ("items", ref("measurement"))])),
                ("languages", .object([("description", .string("Every language of a catalogue in several, the default first; the text above is the default's.")),
                                       ("type", .string("array")), ("items", text)])),
                ("translations", ref("translations")),
                ("timezone", .object([("description", .string("The IANA time zone the times of notices are written in.")), ("type", .string("string"))])),
                ("generated", .object([("description", .string("When the portal was built (or SOURCE_DATE_EPOCH): the moment each notice's phase is judged at.")),
                                       ("type", .string("string")), ("format", .string("date-time"))])),
                ("notices", .object([("description", .string("The notices of notices/*.md, newest first.")), ("type", .string("array")), ("items", ref("notice"))])),
            ])),
            ("$defs", .object([
                ("id", .object([("type", .string("string")), ("pattern", .string(identifierPattern)), ("maxLength", .int(64))])),
                ("duration", .object([("type", .string("string")), ("pattern", .string(durationPattern))])),
                ("priority", object(required: ["id", "name"], [
                    ("id", ref("id")), ("name", text), ("description", text), ("examples", list(text)), ("translations", ref("translations")),
                ])),
                ("customer", object(required: ["id", "name"], [
                    ("id", ref("id")), ("name", text), ("translations", ref("translations")),
                ])),
                ("category", object(required: ["id", "name"], [
                    ("id", ref("id")), ("name", text), ("description", text), ("parent", ref("id")), ("translations", ref("translations")),
                ])),
                ("team", object(required: ["id", "name"], [
                    ("id", ref("id")), ("name", text), ("email", email), ("phone", text), ("url", url), ("translations", ref("translations")),
                ])),
                ("channel", object(required: ["type", "value"], [
                    ("type", .object([("enum", strings(Channel.Kind.allCases.map(\.rawValue)))])),
                    ("value", text), ("label", text),
                ])),
                ("target", object(required: ["priority", "resolve", "percent"], [
                    ("priority", ref("id")), ("respond", ref("duration")), ("resolve", ref("duration")),
                    ("percent", .object([("type", .string("number")), ("minimum", .int(1)), ("maximum", .int(100))])),
                ])),
                ("translations", .object([
                    ("description", .string("An item's text in the catalogue's other languages, by language, where it differs from the default language's.")),
                    ("type", .string("object")), ("additionalProperties", .object([("type", .string("object"))])),
                ])),
                ("time", .object([("type", .string("string")), ("format", .string("date-time")),
                                  ("description", .string("An RFC 3339 time with the catalogue's offset at that moment."))])),
                ("notice", object(required: ["id", "title", "kind", "services", "customers", "start", "updates", "description", "phase", "updated", "page"], [
                    ("id", ref("id")), ("title", .object([("type", .string("string")), ("minLength", .int(1)), ("maxLength", .int(120))])),
                    ("kind", .object([("enum", strings(Notice.Kind.allCases.map(\.rawValue)))])),
                    ("severity", .object([("enum", strings(Notice.Severity.allCases.map(\.rawValue)))])),
                    ("services", list(ref("id"))), ("customers", list(ref("id"))),
                    ("start", ref("time")), ("end", ref("time")), ("published", ref("time")),
                    ("reference", text), ("cause", text),
                    ("updates", list(object(required: ["at", "text"], [("at", ref("time")), ("text", text)]))),
                    ("description", .object([("type", .string("string")), ("description", .string("The Markdown after the front matter."))])),
                    ("phase", .object([("enum", strings(["current", "upcoming", "scheduled", "past"])),
                                       ("description", .string("At `generated`: started and not ended; a planned change starting within 14 days; later; ended."))])),
                    ("updated", ref("time")),
                    ("may_affect", .object([("description", .string("The services that depend on the named ones, directly or through others.")),
                                            ("type", .string("array")), ("items", ref("id"))])),
                    ("page", .object([("type", .string("string")), ("description", .string("The notice's page, relative to the portal's root."))])),
                ])),
                ("measurement", object(required: ["period", "priority", "resolved", "within_target"], [
                    ("period", .object([("type", .string("string")), ("pattern", .string(#"^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$"#))])),
                    ("priority", ref("id")), ("customer", ref("id")),
                    ("resolved", count), ("within_target", count), ("opened", count),
                    ("satisfied", count), ("neutral", count), ("dissatisfied", count),
                    ("achieved", .object([("description", .string("within_target ÷ resolved, in percent; absent with no ticket resolved.")),
                                          ("type", .string("number")), ("minimum", .int(0)), ("maximum", .int(100))])),
                    ("target", .object([("description", .string("The target's percent it is measured against.")),
                                        ("type", .string("number")), ("minimum", .int(1)), ("maximum", .int(100))])),
                    ("met", .object([("description", .string("Whether achieved is at least target; absent when there is nothing to judge.")),
                                     ("type", .string("boolean"))])),
                ])),
                ("supportModel", object(required: ["id", "name", "hours", "channels", "escalation", "targets"], [
                    ("id", ref("id")), ("name", text), ("hours", text), ("channels", list(ref("channel"), minItems: 1)),
                    ("escalation", list(text)), ("targets", list(ref("target"), minItems: 1)), ("translations", ref("translations")),
                ])),
                ("service", object(required: [
                    "id", "name", "summary", "category", "type", "status", "owner", "support_model", "audience", "keywords",
                    "contacts", "depends_on", "targets", "last_reviewed", "description", "used_by", "source", "page",
                ], [
                    ("id", ref("id")),
                    ("name", .object([("type", .string("string")), ("minLength", .int(1)), ("maxLength", .int(120))])),
                    ("summary", .object([("type", .string("string")), ("minLength", .int(1)), ("maxLength", .int(300))])),
                    ("category", ref("id")),
                    ("type", .object([("enum", strings(Service.Kind.allCases.map(\.rawValue)))])),
                    ("status", .object([("enum", strings(Service.Status.allCases.map(\.rawValue)))])),
                    ("owner", ref("id")),
                    ("support_model", ref("id")),
                    ("audience", list(text)),
                    ("keywords", list(text)),
                    ("request_url", url),
                    ("contacts", list(object(required: ["role", "name"], [("role", text), ("name", text), ("email", email)]))),
                    ("depends_on", list(ref("id"))),
                    ("targets", list(ref("target"))),
                    ("availability", .object([("type", .string("number")), ("exclusiveMinimum", .int(0)), ("maximum", .int(100))])),
                    ("continuity", object(required: [], [("rto", ref("duration")), ("rpo", ref("duration"))])),
                    ("cost", text),
                    ("last_reviewed", .object([("type", .string("string")), ("pattern", .string(datePattern))])),
                    ("replaced_by", ref("id")),
                    ("description", .object([("type", .string("string")), ("description", .string("The Markdown after the front matter."))])),
                    ("used_by", list(ref("id"))),
                    ("performance", .object([("description", .string("The service's rows of performance/*.csv, each against its target.")),
                                             ("type", .string("array")), ("items", ref("measurement"))])),
                    ("source", .object([("type", .string("string")), ("description", .string("The source file, relative to the catalogue folder."))])),
                    ("page", .object([("type", .string("string")), ("description", .string("The service's page, relative to the portal's root."))])),
                    ("translations", ref("translations")),
                ])),
            ])),
        ])
    }

    private static let count: JSONValue = .object([("type", .string("integer")), ("minimum", .int(0))])
    private static let text: JSONValue = .object([("type", .string("string")), ("minLength", .int(1))])
    private static let email: JSONValue = .object([("type", .string("string")), ("pattern", .string("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"))])
    private static let url: JSONValue = .object([("type", .string("string")), ("pattern", .string("^https?://"))])

    private static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/$defs/\(name)"))]) }

    private static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    private static func list(_ items: JSONValue, minItems: Int = 0) -> JSONValue {
        .object([("type", .string("array")), ("items", items)] + (minItems > 0 ? [("minItems", .int(minItems))] : []))
    }

    private static func object(required: [String], _ properties: [(String, JSONValue)]) -> JSONValue {
        .object([
            ("type", .string("object")), ("required", strings(required)), ("additionalProperties", .bool(false)),
            ("properties", .object(properties)),
        ])
    }
}

public import Foundation

/// What `diff` compares: the services of a catalogue as `catalogue.json` describes them, read from a
/// `catalogue.json` file or built from a catalogue folder.
public struct CatalogueSnapshot: Sendable {
    /// One service, with its targets already resolved against its support model.
    public struct Service: Sendable, Equatable {
        public let id: String
        public let name: String
        public let status: String
        public let category: String
        public let owner: String
        public let supportModel: String
        public let requestURL: String?
        public let availability: Double?
        public let rto: String?
        public let rpo: String?
        public let dependsOn: [String]
        /// Ids named by `service:` links in the description.
        public let linksTo: [String]
        /// Effective targets by priority id.
        public let targets: [String: TargetTerms]
        /// The text of its translations, by language and field (lists joined, the description whole).
        public let translations: [String: [String: String]]
    }

    /// The terms of one target, comparable for strength.
    public struct TargetTerms: Sendable, Equatable, CustomStringConvertible {
        public let respond: String?
        public let resolve: String
        public let percent: Double

        public var description: String {
            let respond = self.respond.map { "respond within \($0), " } ?? ""
            return "\(respond)\(Wording.english.percent(percent)) resolved within \(resolve)"
        }

        /// True when `self` promises less than `other`: slower, or for a smaller share.
        func isWeaker(than other: TargetTerms) -> Bool {
            func minutes(_ text: String?) -> Int? { text.flatMap(Duration.init)?.approximateMinutes }
            if let new = minutes(resolve), let old = minutes(other.resolve), new > old { return true }
            if let new = minutes(respond), let old = minutes(other.respond), new > old { return true }
            if respond == nil, other.respond != nil { return true }
            return percent < other.percent
        }
    }

    public let services: [String: Service]
    /// Priority ids in order, for stable output.
    public let priorities: [String]
    /// The names of categories, teams and support models, by id.
    public let categoryNames: [String: String]
    public let teamNames: [String: String]
    public let supportModelNames: [String: String]
    /// Each support model's own targets, by model and priority id.
    public let supportModelTargets: [String: [String: TargetTerms]]

    /// Reads `catalogue.json` as `onedoor build` writes it.
    public init(json data: Data) throws(DiffError) {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              root["format"] as? String == "onedoor-catalogue" else {
            throw .notACatalogue
        }
        let priorities = (root["priorities"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        var modelTargets: [String: [String: TargetTerms]] = [:]
        for model in root["support_models"] as? [[String: Any]] ?? [] {
            guard let id = model["id"] as? String else { continue }
            modelTargets[id] = Self.targets(model["targets"])
        }
        func names(_ key: String) -> [String: String] {
            Dictionary((root[key] as? [[String: Any]] ?? []).compactMap { entry in
                (entry["id"] as? String).map { ($0, entry["name"] as? String ?? $0) }
            }, uniquingKeysWith: { first, _ in first })
        }
        var services: [String: Service] = [:]
        for entry in root["services"] as? [[String: Any]] ?? [] {
            guard let id = entry["id"] as? String else { continue }
            let supportModel = entry["support_model"] as? String ?? ""
            let continuity = entry["continuity"] as? [String: Any]
            let description = entry["description"] as? String ?? ""
            services[id] = Service(
                id: id, name: entry["name"] as? String ?? id, status: entry["status"] as? String ?? "",
                category: entry["category"] as? String ?? "", owner: entry["owner"] as? String ?? "",
                supportModel: supportModel, requestURL: entry["request_url"] as? String,
                availability: (entry["availability"] as? NSNumber)?.doubleValue,
                rto: continuity?["rto"] as? String, rpo: continuity?["rpo"] as? String,
                dependsOn: entry["depends_on"] as? [String] ?? [],
                linksTo: Markdown.links(in: description).compactMap { ServiceLink($0.destination)?.id },
                targets: (modelTargets[supportModel] ?? [:]).merging(Self.targets(entry["targets"])) { $1 },
                translations: (entry["translations"] as? [String: [String: Any]] ?? [:]).mapValues { fields in
                    fields.mapValues { value in (value as? [String])?.joined(separator: ", ") ?? (value as? String) ?? "\(value)" }
                })
        }
        self.services = services
        self.priorities = priorities
        categoryNames = names("categories")
        teamNames = names("teams")
        supportModelNames = names("support_models")
        supportModelTargets = modelTargets
    }

    /// Builds the snapshot of a catalogue that was read from its folder: `catalogues` holds it read in
    /// each of its languages, the default first.
    public init(catalogues: [Catalogue]) throws(DiffError) {
        // diff compares services, not the notices' phases, so any time will do.
        let indexes = catalogues.map { SiteIndex($0, now: 0) }
        let languages = catalogues[0].settings.languages
        let bytes = CatalogueJSON(index: indexes[0], translations: Array(zip(languages.dropFirst(), indexes.dropFirst()))).json.bytes(pretty: false)
        try self.init(json: Data(bytes))
    }

    private static func targets(_ value: Any?) -> [String: TargetTerms] {
        var targets: [String: TargetTerms] = [:]
        for target in value as? [[String: Any]] ?? [] {
            guard let priority = target["priority"] as? String, let resolve = target["resolve"] as? String else { continue }
            targets[priority] = TargetTerms(respond: target["respond"] as? String, resolve: resolve,
                                            percent: (target["percent"] as? NSNumber)?.doubleValue ?? 0)
        }
        return targets
    }
}

/// Why `diff` cannot compare.
public enum DiffError: Error, Equatable, CustomStringConvertible {
    case notACatalogue
    case unreadable(String)
    case hasErrors(String)

    public var description: String {
        switch self {
        case .notACatalogue: "the file is not a catalogue.json written by onedoor build"
        case let .unreadable(path): "cannot read '\(path)'"
        case let .hasErrors(path): "the catalogue in '\(path)' has errors; run onedoor check on it first"
        }
    }
}

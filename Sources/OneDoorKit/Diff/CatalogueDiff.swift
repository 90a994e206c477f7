/// What changed between two versions of a catalogue, with the changes that break something first.
public struct CatalogueDiff: Sendable {
    public struct Change: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case added, removed, retired
            case broughtLive = "brought-live"
            case changed
        }

        public let kind: Kind
        public let service: String
        public let name: String
        /// The field that changed, for `changed`.
        public let field: String?
        public let old: String?
        public let new: String?
        /// True when the change can break what people or other services rely on.
        public let isBreaking: Bool
        /// The change in a sentence.
        public let message: String
    }

    public let changes: [Change]

    public var breaking: [Change] { changes.filter(\.isBreaking) }

    /// One change made once — to a support model, a category or a team, or the same field of several
    /// services in the same way — and the services it reaches, so that a reviewer reads it once.
    public struct Group: Sendable, Equatable {
        /// What changed, in a sentence: "support model Standard (standard): P1 target … → … (weaker)".
        public let message: String
        public let isBreaking: Bool
        /// The services it reaches, by id.
        public let services: [String]
        /// The per-service changes it stands for (none for a rename that changes no service's fields).
        public let changes: [Change]
    }

    /// The changes as a reviewer reads them: groups first (breaking ones first), then each change no
    /// group holds.
    public let groups: [Group]
    /// The changes no group holds.
    public let ungrouped: [Change]

    public init(old: CatalogueSnapshot, new: CatalogueSnapshot) {
        var changes: [Change] = []
        // Who relies on each service in the new catalogue, by dependency or by link.
        var reliedOnBy: [String: Set<String>] = [:]
        for service in new.services.values {
            for id in service.dependsOn + service.linksTo where id != service.id { reliedOnBy[id, default: []].insert(service.id) }
        }
        func consumers(of id: String) -> String? {
            let names = (reliedOnBy[id] ?? []).filter { new.services[$0]?.status != "retired" }.sorted()
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }

        for id in Set(old.services.keys).union(new.services.keys).sorted() {
            switch (old.services[id], new.services[id]) {
            case let (nil, added?):
                changes.append(Change(kind: .added, service: id, name: added.name, field: nil, old: nil, new: added.status,
                                      isBreaking: false, message: "added (\(added.status))"))
            case let (removed?, nil):
                let users = consumers(of: id)
                changes.append(Change(kind: .removed, service: id, name: removed.name, field: nil, old: removed.status, new: nil,
                                      isBreaking: users != nil,
                                      message: "removed" + (users.map { ", but these still depend on it or link to it: \($0)" } ?? "")))
            case let (before?, after?):
                changes += Self.compare(before, after, priorities: new.priorities, consumers: consumers(of: id))
            case (nil, nil):
                break
            }
        }
        self.changes = changes.sorted { ($0.isBreaking ? 0 : 1, $0.service) < ($1.isBreaking ? 0 : 1, $1.service) }
        (groups, ungrouped) = Self.group(self.changes, old: old, new: new)
    }

    /// Changes of the same field from the same value to the same value, in two services or more, are
    /// one group; named after the support model, category or team when that is what changed. A
    /// category or team whose name alone changed is a group of the services it holds.
    private static func group(_ changes: [Change], old: CatalogueSnapshot, new: CatalogueSnapshot) -> ([Group], [Change]) {
        struct Key: Hashable { let field: String, old: String?, new: String?, isBreaking: Bool }
        var byKey: [Key: [Change]] = [:]
        for change in changes where change.kind == .changed {
            guard let field = change.field else { continue }
            byKey[Key(field: field, old: change.old, new: change.new, isBreaking: change.isBreaking), default: []].append(change)
        }
        var groups: [Group] = []
        var grouped: Set<String> = []
        for (key, members) in byKey where members.count >= 2 {
            let ids = members.map(\.service).sorted()
            let message: String
            if key.field.hasPrefix("targets."), let model = sharedSupportModel(of: ids, in: new),
               let priority = key.field.split(separator: ".").last.map(String.init),
               old.supportModelTargets[model]?[priority]?.description == key.old,
               new.supportModelTargets[model]?[priority]?.description == key.new {
                message = "support model \(new.supportModelNames[model] ?? model) (\(model)): \(members[0].message)"
            } else {
                message = members[0].message
            }
            groups.append(Group(message: message, isBreaking: key.isBreaking, services: ids, changes: members))
            grouped.formUnion(members.map { "\($0.service) \($0.field ?? "")" })
        }
        for (kind, before, after, field) in [("category", old.categoryNames, new.categoryNames, \CatalogueSnapshot.Service.category),
                                             ("team", old.teamNames, new.teamNames, \CatalogueSnapshot.Service.owner)] {
            for (id, name) in after.sorted(by: { $0.key < $1.key }) {
                guard let was = before[id], was != name else { continue }
                let ids = new.services.values.filter { $0[keyPath: field] == id }.map(\.id).sorted()
                groups.append(Group(message: "\(kind) \(id) renamed: \(was) → \(name)", isBreaking: false, services: ids, changes: []))
            }
        }
        groups.sort { ($0.isBreaking ? 0 : 1, $0.message) < ($1.isBreaking ? 0 : 1, $1.message) }
        return (groups, changes.filter { !grouped.contains("\($0.service) \($0.field ?? "")") })
    }

    /// The support model every one of `ids` uses, when they share one.
    private static func sharedSupportModel(of ids: [String], in snapshot: CatalogueSnapshot) -> String? {
        let models = Set(ids.compactMap { snapshot.services[$0]?.supportModel })
        return models.count == 1 ? models.first : nil
    }

    private static func compare(
        _ old: CatalogueSnapshot.Service, _ new: CatalogueSnapshot.Service, priorities: [String], consumers: String?
    ) -> [Change] {
        var changes: [Change] = []
        func change(_ kind: Change.Kind, _ field: String?, _ before: String?, _ after: String?, breaking: Bool = false, _ message: String) {
            changes.append(Change(kind: kind, service: new.id, name: new.name, field: field, old: before, new: after,
                                  isBreaking: breaking, message: message))
        }
        if old.status != new.status {
            if new.status == "retired" {
                change(.retired, "status", old.status, new.status, breaking: consumers != nil,
                       "retired" + (consumers.map { ", but these still depend on it or link to it: \($0)" } ?? ""))
            } else if new.status == "live" {
                change(.broughtLive, "status", old.status, new.status, "brought live (was \(old.status))")
            } else {
                change(.changed, "status", old.status, new.status, "status \(old.status) → \(new.status)")
            }
        }
        for (field, before, after) in [("owner", old.owner, new.owner), ("category", old.category, new.category),
                                       ("support_model", old.supportModel, new.supportModel)] where before != after {
            change(.changed, field, before, after, "\(field.replacing("_", with: " ")) \(before) → \(after)")
        }
        if old.requestURL != new.requestURL {
            change(.changed, "request_url", old.requestURL, new.requestURL, breaking: new.requestURL == nil && old.requestURL != nil,
                   "request link \(old.requestURL ?? "none") → \(new.requestURL ?? "none")")
        }
        if old.availability != new.availability {
            let weaker = (new.availability ?? 0) < (old.availability ?? 0)
            change(.changed, "availability", old.availability.map(percent), new.availability.map(percent), breaking: weaker,
                   "availability \(old.availability.map(percent) ?? "none") → \(new.availability.map(percent) ?? "none")"
                    + (weaker ? " (weaker)" : ""))
        }
        for (field, before, after) in [("rto", old.rto, new.rto), ("rpo", old.rpo, new.rpo)] where before != after {
            let weaker = longer(after, than: before)
            change(.changed, "continuity.\(field)", before, after, breaking: weaker,
                   "\(field.uppercased()) \(before ?? "none") → \(after ?? "none")" + (weaker ? " (weaker)" : ""))
        }
        for priority in priorities {
            let before = old.targets[priority]
            let after = new.targets[priority]
            guard before != after else { continue }
            let weaker = before.map { old in after.map { $0.isWeaker(than: old) } ?? true } ?? false
            change(.changed, "targets.\(priority)", before?.description, after?.description, breaking: weaker,
                   "\(priority.uppercased()) target \(before?.description ?? "none") → \(after?.description ?? "none")"
                    + (weaker ? " (weaker)" : ""))
        }
        for language in Set(old.translations.keys).union(new.translations.keys).sorted() {
            let (before, after) = (old.translations[language] ?? [:], new.translations[language] ?? [:])
            for field in Set(before.keys).union(after.keys).sorted() where before[field] != after[field] {
                let shown = { (text: String?) in text.map { field == "description" ? "(\($0.count) characters)" : "«\($0)»" } ?? "none" }
                change(.changed, "translations.\(language).\(field)", before[field], after[field],
                       "\(language) \(field) \(shown(before[field])) → \(shown(after[field]))")
            }
        }
        return changes
    }

    private static func percent(_ value: Double) -> String { Wording.english.percent(value) }

    /// True when `new` is a longer (weaker) duration than `old`, or `old` was set and `new` is not.
    private static func longer(_ new: String?, than old: String?) -> Bool {
        guard let old = old.flatMap(Duration.init) else { return false }
        guard let new = new.flatMap(Duration.init) else { return true }
        return new.approximateMinutes > old.approximateMinutes
    }
}

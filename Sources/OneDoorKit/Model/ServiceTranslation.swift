/// A service's text in another language: `ID.LANG.md` beside `ID.md`, whose front matter may hold only
/// the fields people read and whose body is the translated description.
public struct ServiceTranslation: Sendable {
    /// The fields a translation may hold.
    static let fields = ["name", "summary", "keywords", "audience", "cost", "request_url", "contacts"]

    /// The path of the file, and of the service file it translates.
    let file: String
    let serviceFile: String
    let language: String
    let name: String?
    let summary: Located<String>?
    let keywords: [String]?
    let audience: [String]?
    let cost: String?
    let requestURL: String?
    let contacts: [Service.Contact]?
    /// Nil when the file has no description.
    let body: String?
    let bodyLine: Int

    /// `services/desk/email.fr.md` → its service file `services/desk/email.md` and the language `fr`;
    /// nil for a file name with no language in it.
    static func parts(of path: String) -> (serviceFile: String, language: String)? {
        guard path.hasSuffix(".md") else { return nil }
        let stem = path.split(separator: "/").last!.dropLast(3)
        guard let dot = stem.lastIndex(of: "."), dot != stem.startIndex else { return nil }
        let folder = path.dropLast(stem.count + 3)
        return (folder + stem[..<dot] + ".md", String(stem[stem.index(after: dot)...]))
    }

    /// The fields the service has that this translation leaves in the default language.
    func missingFields(of service: Service) -> [String] {
        var missing: [String] = []
        if name == nil { missing.append("name") }
        if summary == nil { missing.append("summary") }
        if body == nil, !service.body.trimmed.isEmpty { missing.append("the description") }
        if keywords == nil, !service.keywords.isEmpty { missing.append("keywords") }
        if audience == nil, !service.audience.isEmpty { missing.append("audience") }
        if cost == nil, service.cost != nil { missing.append("cost") }
        if contacts == nil, !service.contacts.isEmpty { missing.append("contacts") }
        return missing
    }
}

extension Service {
    /// The service with a translation's text in place of its own, where the translation has any.
    func translated(by translation: ServiceTranslation) -> Service {
        Service(
            id: self.id, file: self.file, name: translation.name ?? self.name, summary: translation.summary ?? self.summary,
            category: self.category, kind: self.kind, status: self.status, owner: self.owner, supportModel: self.supportModel,
            audience: translation.audience ?? self.audience, keywords: translation.keywords ?? self.keywords,
            requestURL: translation.requestURL ?? self.requestURL, contacts: translation.contacts ?? self.contacts,
            dependsOn: self.dependsOn, targets: self.targets, availability: self.availability, continuity: self.continuity,
            cost: translation.cost ?? self.cost, lastReviewed: self.lastReviewed, replacedBy: self.replacedBy,
            body: translation.body ?? self.body, bodyLine: translation.body == nil ? self.bodyLine : translation.bodyLine)
    }
}

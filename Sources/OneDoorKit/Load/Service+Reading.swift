internal import Foundation

extension Service {
    static let fields = [
        "id", "name", "summary", "category", "type", "status", "owner", "support_model", "audience", "keywords",
        "request_url", "contacts", "depends_on", "targets", "availability", "continuity", "cost", "last_reviewed",
        "replaced_by",
    ]

    /// Reads one service file. The id is the file name without `.md`.
    static func read(_ source: SourceText, choice: LanguageChoice = LanguageChoice(languages: ["en"]), diagnostics: inout [Diagnostic],
                     unreadable: inout UnreadableIDs) -> Service? {
        var languageMaps = false
        return read(source, choice: choice, diagnostics: &diagnostics, unreadable: &unreadable, languageMaps: &languageMaps)
    }

    /// Reads one service file; `languageMaps` is set when its front matter holds a language map, whose
    /// text differs from one language's read to another's.
    static func read(_ source: SourceText, choice: LanguageChoice, diagnostics: inout [Diagnostic], unreadable: inout UnreadableIDs,
                     languageMaps: inout Bool) -> Service? {
        let id = String(source.path.split(separator: "/").last!.dropLast(3))
        if !Identifier.isValid(id) {
            diagnostics.append(.error(.invalidID, at: .start(of: source.path),
                "the file name '\(id).md' does not make a valid service id: \(Identifier.rule); rename the file"
                    + Identifier.suggestion(for: id).replacingOccurrences(of: "'?", with: ".md'?")))
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(source) {
        case let .success(value): frontMatter = value
        case let .failure(finding): diagnostics.append(finding); return nil
        }
        let service = readFrontMatter(id: id, source: source, frontMatter: frontMatter, choice: choice, diagnostics: &diagnostics,
                                      unreadable: &unreadable, languageMaps: &languageMaps)
        if service == nil {
            unreadable.descriptions.append((source.path, frontMatter.body, frontMatter.bodyLine))
        }
        return service
    }

    /// Reads the fields of a service file whose front matter was found.
    private static func readFrontMatter(
        id: String, source: SourceText, frontMatter: FrontMatter, choice: LanguageChoice, diagnostics: inout [Diagnostic],
        unreadable: inout UnreadableIDs, languageMaps: inout Bool
    ) -> Service? {
        guard let node = frontMatter.fields(in: source.path,
            expected: "the service's fields: name, summary, category, type, status, owner, support_model, last_reviewed",
            diagnostics: &diagnostics) else { return nil }
        // A service's text is translated in its own file; a language map in its front matter is read too.
        let root = node.localized(choice, plainTextIsMissing: false, diagnostics: &diagnostics)
        languageMaps = root != node
        do {
            var reader = try FieldReader(root, subject: "service '\(id)'", known: fields)
            let service = read(id: id, file: source.path, frontMatter: frontMatter, reader: &reader, unreadable: &unreadable)
            diagnostics += reader.diagnostics
            if reader.failed || !Identifier.isValid(id) {
                unreadable.serviceReferences += service?.references ?? []
                return nil
            }
            return service
        } catch {
            diagnostics.append(error.diagnostic)
            return nil
        }
    }

    private static func read(
        id: String, file: String, frontMatter: FrontMatter, reader: inout FieldReader, unreadable: inout UnreadableIDs
    ) -> Service? {
        if let written = reader.optional("id", { (n) throws(FieldError) in try n.text("id") }), written != id {
            reader.report(FieldError(.idMismatch, at: reader.location(of: "id"),
                "the id '\(written)' differs from the file name '\(id).md'; remove the 'id' line or rename the file to '\(written).md'"))
        }
        let name = reader.required("name") { (n) throws(FieldError) in try n.text("name", maxLength: 120) }
        let summary = reader.required("summary") { (n) throws(FieldError) in
            Located(try n.text("summary", maxLength: 300), at: n.location)
        }
        let category = reader.required("category") { (n) throws(FieldError) in try n.reference("category") }
        let kind = reader.required("type") { (n) throws(FieldError) in try n.choice("type", of: Kind.self) }
        let status = reader.required("status") { (n) throws(FieldError) in try n.choice("status", of: Status.self) }
        let owner = reader.required("owner") { (n) throws(FieldError) in try n.reference("owner") }
        let supportModel = reader.required("support_model") { (n) throws(FieldError) in try n.reference("support_model") }
        let audience = reader.optional("audience") { (n) throws(FieldError) in try n.textList("audience") }
        let keywords = reader.optional("keywords") { (n) throws(FieldError) in try n.textList("keywords") }
        let requestURL = reader.optional("request_url") { (n) throws(FieldError) in try n.webAddress("request_url") }
        let contacts = reader.optional("contacts") { (n) throws(FieldError) in
            try n.list("contacts") { (item) throws(FieldError) in try Contact.read(item) }
        }
        let dependsOn = reader.optional("depends_on") { (n) throws(FieldError) in
            try n.list("depends_on") { (item) throws(FieldError) in try item.reference("depends_on") }
        }
        var nested: [Diagnostic] = []
        let targets = reader.optional("targets") { (n) throws(FieldError) in
            try Target.readList(n, field: "targets", diagnostics: &nested)
        }
        for finding in nested { reader.report(FieldError(finding.rule, at: finding.location, finding.message)) }
        let availability = reader.optional("availability") { (n) throws(FieldError) in
            try n.number("availability", from: 0, to: 100, aboveLower: true)
        }
        let continuity = reader.optional("continuity") { (n) throws(FieldError) in try Continuity.read(n) }
        let cost = reader.optional("cost") { (n) throws(FieldError) in try n.text("cost") }
        let lastReviewed = reader.required("last_reviewed") { (n) throws(FieldError) in try n.day("last_reviewed") }
        let replacedBy = reader.optional("replaced_by") { (n) throws(FieldError) in try n.reference("replaced_by") }

        guard let name, let summary, let category, let kind, let status, let owner, let supportModel, let lastReviewed
        else {
            unreadable.serviceReferences += [category.map { ReferenceUse(.category, $0) }, owner.map { ReferenceUse(.team, $0) },
                                             supportModel.map { ReferenceUse(.supportModel, $0) }].compactMap { $0 }
                + (dependsOn ?? []).map { ReferenceUse(.service, $0) } + (replacedBy.map { [ReferenceUse(.service, $0)] } ?? [])
            return nil
        }
        return Service(
            id: id, file: file, name: name, summary: summary, category: category, kind: kind, status: status,
            owner: owner, supportModel: supportModel, audience: audience ?? [], keywords: keywords ?? [],
            requestURL: requestURL, contacts: contacts ?? [], dependsOn: dependsOn ?? [], targets: targets ?? [],
            availability: availability, continuity: continuity, cost: cost, lastReviewed: lastReviewed,
            replacedBy: replacedBy, body: frontMatter.body, bodyLine: frontMatter.bodyLine)
    }
}

extension Service.Contact {
    static let fields = ["role", "name", "email"]

    static func read(_ node: SourceNode) throws(FieldError) -> Service.Contact {
        var reader = try FieldReader(node, subject: "a contact", known: fields)
        let role = reader.required("role") { (n) throws(FieldError) in try n.text("role") }
        let name = reader.required("name") { (n) throws(FieldError) in try n.text("name") }
        let email = reader.optional("email") { (n) throws(FieldError) in try n.email("email") }
        if let first = reader.diagnostics.first { throw FieldError(first.rule, at: first.location, first.message) }
        return Service.Contact(role: role!, name: name!, email: email)
    }
}

extension Service.Continuity {
    static let fields = ["rto", "rpo"]

    static func read(_ node: SourceNode) throws(FieldError) -> Service.Continuity {
        var reader = try FieldReader(node, subject: "continuity", known: fields)
        let rto = reader.optional("rto") { (n) throws(FieldError) in try n.duration("rto") }
        let rpo = reader.optional("rpo") { (n) throws(FieldError) in try n.duration("rpo") }
        if let first = reader.diagnostics.first { throw FieldError(first.rule, at: first.location, first.message) }
        return Service.Continuity(rto: rto, rpo: rpo)
    }
}

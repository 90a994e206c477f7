internal import Foundation

extension Notice {
    static let fields = ["title", "kind", "severity", "services", "customers", "start", "end", "published", "reference", "cause", "updates"]
    static let updateFields = ["at", "text"]

    /// Reads one notice file. The id is the file name without `.md`; a notice that cannot be read
    /// whole gives its findings and nil.
    /// The services named by a notice that cannot be read whole go to `unreadable`, so that a wrong
    /// one is said in the same check, as a service file's are.
    static func read(_ source: SourceText, diagnostics: inout [Diagnostic], unreadable: inout UnreadableIDs) -> Notice? {
        let id = String(source.path.split(separator: "/").last!.dropLast(3))
        guard Identifier.isValid(id) else {
            diagnostics.append(.error(.invalidID, at: .start(of: source.path),
                "the file name '\(id).md' does not make a valid notice id: \(Identifier.rule); rename the file"
                    + Identifier.suggestion(for: id).replacingOccurrences(of: "'?", with: ".md'?")))
            return nil
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(source, subject: "a notice") {
        case let .success(value): frontMatter = value
        case let .failure(finding): diagnostics.append(finding); return nil
        }
        guard let root = frontMatter.fields(in: source.path, expected: "the notice's fields: title, kind, services, start",
                                            diagnostics: &diagnostics) else { return nil }
        do {
            var reader = try FieldReader(root, subject: "notice '\(id)'", known: fields)
            let notice = read(id: id, file: source.path, frontMatter: frontMatter, reader: &reader, unreadable: &unreadable)
            diagnostics += reader.diagnostics
            guard !reader.failed else {
                unreadable.serviceReferences += (notice?.services ?? []).map { ReferenceUse(.service, $0) }
                return nil
            }
            return notice
        } catch {
            diagnostics.append(error.diagnostic)
            return nil
        }
    }

    private static func read(id: String, file: String, frontMatter: FrontMatter, reader: inout FieldReader,
                             unreadable: inout UnreadableIDs) -> Notice? {
        let title = reader.required("title") { (n) throws(FieldError) in try n.text("title", maxLength: 120) }
        let kind = reader.required("kind") { (n) throws(FieldError) in try n.choice("kind", of: Kind.self) }
        let severity = reader.optional("severity") { (n) throws(FieldError) in
            Located(try n.choice("severity", of: Severity.self), at: n.location)
        }
        let services = kind == .announcement || kind == nil
            ? reader.optional("services") { (n) throws(FieldError) in try n.list("services") { (item) throws(FieldError) in try item.reference("services") } }
            : reader.required("services") { (n) throws(FieldError) in try n.list("services") { (item) throws(FieldError) in try item.reference("services") } }
        let customers = reader.optional("customers") { (n) throws(FieldError) in
            try n.list("customers") { (item) throws(FieldError) in try item.reference("customers") }
        }
        let start = reader.required("start") { (n) throws(FieldError) in try n.localTime("start") }
        let end = reader.optional("end") { (n) throws(FieldError) in try n.localTime("end") }
        let published = reader.optional("published") { (n) throws(FieldError) in try n.localTime("published") }
        let reference = reader.optional("reference") { (n) throws(FieldError) in try n.text("reference", maxLength: 64) }
        let cause = reader.optional("cause") { (n) throws(FieldError) in try n.text("cause", maxLength: 300) }
        let updates = reader.optional("updates") { (n) throws(FieldError) in
            try n.list("updates") { (item) throws(FieldError) in try Update.read(item) }
        }
        // A severity that cannot be read has its finding; the checker would add that it is missing.
        guard let title, let kind, let start, severity != nil || !reader.has("severity") else {
            unreadable.serviceReferences += (services ?? []).map { ReferenceUse(.service, $0) }
            return nil
        }
        return Notice(
            id: id, file: file, title: title, kind: kind, severity: severity, services: services ?? [], customers: customers ?? [],
            start: start, end: end, published: published, reference: reference, cause: cause, updates: updates ?? [],
            body: frontMatter.body, bodyLine: frontMatter.bodyLine, location: reader.node.location)
    }
}

extension Notice.Update {
    static func read(_ node: SourceNode) throws(FieldError) -> Notice.Update {
        var reader = try FieldReader(node, subject: "an update", known: Notice.updateFields)
        let at = reader.required("at") { (n) throws(FieldError) in try n.localTime("at") }
        let text = reader.required("text") { (n) throws(FieldError) in try n.text("text", maxLength: 2_000) }
        if let first = reader.diagnostics.first { throw FieldError(first.rule, at: first.location, first.message) }
        return Notice.Update(at: at!, text: text!)
    }
}

extension SourceNode {
    /// A clock time in the catalogue's time zone: `YYYY-MM-DD HH:MM`.
    func localTime(_ field: String) throws(FieldError) -> Located<LocalTime> {
        let value = try text(field)
        guard let time = LocalTime(value) else {
            throw FieldError(at: location,
                "'\(field)' must be a real date and time written YYYY-MM-DD HH:MM (24-hour clock, the catalogue's time zone), such as 2018-11-05 09:30, not '\(value)'")
        }
        return Located(time, at: location)
    }
}

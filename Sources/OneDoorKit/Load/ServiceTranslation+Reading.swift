extension ServiceTranslation {
    /// Reads a translation file; nil, with findings, when it cannot be used.
    /// The description of a translation that cannot be read whole goes to `unreadable`, so that its links
    /// are still checked, as a service file's are.
    static func read(_ source: SourceText, diagnostics: inout [Diagnostic], unreadable: inout UnreadableIDs) -> ServiceTranslation? {
        guard let (serviceFile, language) = parts(of: source.path) else { return nil }
        let frontMatter: FrontMatter
        switch FrontMatter.split(source, subject: "a translation") {
        case let .success(value): frontMatter = value
        case let .failure(finding): diagnostics.append(finding); return nil
        }
        guard let translation = read(source, frontMatter: frontMatter, serviceFile: serviceFile, language: language, diagnostics: &diagnostics)
        else {
            unreadable.descriptions.append((source.path, frontMatter.body, frontMatter.bodyLine))
            return nil
        }
        return translation
    }

    private static func read(_ source: SourceText, frontMatter: FrontMatter, serviceFile: String, language: String,
                             diagnostics: inout [Diagnostic]) -> ServiceTranslation? {
        let body = frontMatter.body.trimmed.isEmpty ? nil : frontMatter.body
        let root: SourceNode
        switch SourceNode.parse(frontMatter.yaml, file: source.path, lineOffset: frontMatter.yamlLineOffset) {
        case let .success(node?): root = node
        case .success(nil):
            return ServiceTranslation(file: source.path, serviceFile: serviceFile, language: language, name: nil, summary: nil, keywords: nil,
                                      audience: nil, cost: nil, requestURL: nil, contacts: nil, body: body, bodyLine: frontMatter.bodyLine)
        case let .failure(finding): diagnostics.append(finding); return nil
        }
        guard let pairs = root.pairs else {
            diagnostics.append(.error(.fieldType, at: root.location, "a translation's front matter is a block of 'field: value' lines"))
            return nil
        }
        var failed = false
        for pair in pairs {
            let key = pair.key.scalar ?? ""
            guard !fields.contains(key) else { continue }
            failed = true
            if Service.fields.contains(key) {
                diagnostics.append(.error(.untranslatableField, at: pair.key.location,
                    "'\(key)' is not translated: it is the same in every language, and is given in \(serviceFile) only; "
                        + "a translation may hold \(fields.joined(separator: ", "))"))
            } else {
                diagnostics.append(.error(.unknownField, at: pair.key.location, "unknown field '\(key)' in a translation"
                    + (Suggestion.closest(to: key, among: fields).map { " (did you mean '\($0)'?)" } ?? "; it may hold \(fields.joined(separator: ", "))")))
            }
        }
        do {
            var reader = try FieldReader(SourceNode(.mapping(pairs.filter { fields.contains($0.key.scalar ?? "") }), at: root.location),
                                         subject: "the translation", known: fields)
            let name = reader.optional("name") { (n) throws(FieldError) in try n.text("name", maxLength: 120) }
            let summary = reader.optional("summary") { (n) throws(FieldError) in Located(try n.text("summary", maxLength: 300), at: n.location) }
            let keywords = reader.optional("keywords") { (n) throws(FieldError) in try n.textList("keywords") }
            let audience = reader.optional("audience") { (n) throws(FieldError) in try n.textList("audience") }
            let cost = reader.optional("cost") { (n) throws(FieldError) in try n.text("cost") }
            let requestURL = reader.optional("request_url") { (n) throws(FieldError) in try n.webAddress("request_url") }
            let contacts = reader.optional("contacts") { (n) throws(FieldError) in
                try n.list("contacts") { (item) throws(FieldError) in try Service.Contact.read(item) }
            }
            diagnostics += reader.diagnostics
            guard !failed, reader.diagnostics.isEmpty else { return nil }
            return ServiceTranslation(file: source.path, serviceFile: serviceFile, language: language, name: name, summary: summary,
                                      keywords: keywords, audience: audience, cost: cost, requestURL: requestURL, contacts: contacts,
                                      body: body, bodyLine: frontMatter.bodyLine)
        } catch {
            diagnostics.append(error.diagnostic)
            return nil
        }
    }
}

/// Reading each kind of entry from its YAML block. Each reader returns nil when the entry cannot
/// be used whole, having said why in `diagnostics`.
extension Priority {
    static let fields = ["id", "name", "description", "examples"]

    static func read(_ node: SourceNode, diagnostics: inout [Diagnostic]) -> (Priority?, id: String?) {
        readEntry(node, subject: "a priority", fields: fields, diagnostics: &diagnostics) { reader, id in
            let name = reader.required("name") { (n) throws(FieldError) in try n.text("name") }
            let description = reader.optional("description") { (n) throws(FieldError) in try n.text("description") }
            let examples = reader.optional("examples") { (n) throws(FieldError) in try n.textList("examples") }
            guard let name else { return nil }
            return Priority(id: id, name: name, description: description, examples: examples ?? [], location: reader.node.location)
        }
    }
}

extension Customer {
    static let fields = ["id", "name"]

    static func read(_ node: SourceNode, diagnostics: inout [Diagnostic]) -> (Customer?, id: String?) {
        readEntry(node, subject: "a customer", fields: fields, diagnostics: &diagnostics) { reader, id in
            let name = reader.required("name") { (n) throws(FieldError) in try n.text("name") }
            guard let name else { return nil }
            return Customer(id: id, name: name, location: reader.node.location)
        }
    }
}

extension Category {
    static let fields = ["id", "name", "description", "parent"]

    static func read(_ node: SourceNode, diagnostics: inout [Diagnostic]) -> (Category?, id: String?) {
        readEntry(node, subject: "a category", fields: fields, diagnostics: &diagnostics) { reader, id in
            let name = reader.required("name") { (n) throws(FieldError) in try n.text("name") }
            let description = reader.optional("description") { (n) throws(FieldError) in try n.text("description") }
            let parent = reader.optional("parent") { (n) throws(FieldError) in try n.reference("parent") }
            guard let name else { return nil }
            return Category(id: id, name: name, description: description, parent: parent, location: reader.node.location)
        }
    }
}

extension Team {
    static let fields = ["id", "name", "email", "phone", "url"]

    static func read(_ node: SourceNode, diagnostics: inout [Diagnostic]) -> (Team?, id: String?) {
        readEntry(node, subject: "a team", fields: fields, diagnostics: &diagnostics) { reader, id in
            let name = reader.required("name") { (n) throws(FieldError) in try n.text("name") }
            let email = reader.optional("email") { (n) throws(FieldError) in try n.email("email") }
            let phone = reader.optional("phone") { (n) throws(FieldError) in try n.phone("phone") }
            let url = reader.optional("url") { (n) throws(FieldError) in try n.webAddress("url") }
            guard let name else { return nil }
            return Team(id: id, name: name, email: email, phone: phone, url: url, location: reader.node.location)
        }
    }
}

extension SupportModel {
    static let fields = ["id", "name", "hours", "channels", "escalation", "targets"]

    static func read(_ node: SourceNode, diagnostics: inout [Diagnostic]) -> (SupportModel?, id: String?) {
        readEntry(node, subject: "a support model", fields: fields, diagnostics: &diagnostics) { reader, id in
            let name = reader.required("name") { (n) throws(FieldError) in try n.text("name") }
            let hours = reader.required("hours") { (n) throws(FieldError) in try n.text("hours") }
            var nested: [Diagnostic] = []
            let channels = reader.required("channels") { (n) throws(FieldError) in
                try n.list("channels") { (item) throws(FieldError) in try Channel.read(item) }
            }
            if let channels, channels.isEmpty {
                reader.report(FieldError(.missingField, at: reader.location(of: "channels"),
                    "support model '\(id)' needs at least one channel: a phone, email, portal, chat or walk-in"))
            }
            let escalation = reader.optional("escalation") { (n) throws(FieldError) in try n.textList("escalation") }
            let targets = reader.required("targets") { (n) throws(FieldError) in
                try Target.readList(n, field: "targets", diagnostics: &nested)
            }
            for finding in nested { reader.report(FieldError(finding.rule, at: finding.location, finding.message)) }
            guard let name, let hours, let channels, let targets, nested.isEmpty else { return nil }
            return SupportModel(id: id, name: name, hours: hours, channels: channels, escalation: escalation ?? [],
                                targets: targets, location: reader.node.location)
        }
    }
}

extension Channel {
    static let fields = ["type", "value", "label"]

    static func read(_ node: SourceNode) throws(FieldError) -> Channel {
        var reader = try FieldReader(node, subject: "a channel", known: fields)
        let kind = reader.required("type") { (n) throws(FieldError) in try n.choice("type", of: Kind.self) }
        let label = reader.optional("label") { (n) throws(FieldError) in try n.text("label") }
        let value = reader.required("value") { (n) throws(FieldError) -> String in
            switch kind {
            case .phone: try n.phone("value")
            case .email: try n.email("value")
            case .portal, .chat: try n.webAddress("value")
            case .walkIn, nil: try n.text("value")
            }
        }
        if let first = reader.diagnostics.first { throw FieldError(first.rule, at: first.location, first.message) }
        guard let kind, let value else { throw FieldError(.missingField, at: node.location, "a channel needs a type and a value") }
        return Channel(kind: kind, value: value, label: label)
    }
}

extension Target {
    static let fields = ["priority", "respond", "resolve", "percent"]

    /// Reads a list of targets, gathering a finding for each bad one.
    static func readList(_ node: SourceNode, field: String, diagnostics: inout [Diagnostic]) throws(FieldError) -> [Target] {
        guard let elements = node.elements else {
            throw FieldError(.fieldType, at: node.location, "'\(field)' must be a list of targets, one per priority, not \(node.kindName)")
        }
        var targets: [Target] = []
        for element in elements {
            do {
                var reader = try FieldReader(element, subject: "a target", known: fields)
                let priority = reader.required("priority") { (n) throws(FieldError) in try n.reference("priority") }
                let respond = reader.optional("respond") { (n) throws(FieldError) in try n.duration("respond") }
                let resolve = reader.required("resolve") { (n) throws(FieldError) in try n.duration("resolve") }
                let percent = reader.required("percent") { (n) throws(FieldError) in
                    try n.number("percent", from: 1, to: 100, aboveLower: false)
                }
                diagnostics += reader.diagnostics
                if let priority, let resolve, let percent {
                    targets.append(Target(priority: priority, respond: respond, resolve: resolve, percent: percent,
                                          location: element.location))
                }
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        return targets
    }
}

/// Reads the `id` and the other fields of one entry of a YAML list file.
private func readEntry<Entry>(
    _ node: SourceNode, subject: String, fields: [String], diagnostics: inout [Diagnostic],
    _ body: (inout FieldReader, String) -> Entry?
) -> (Entry?, id: String?) {
    do {
        var reader = try FieldReader(node, subject: subject, known: fields)
        let id = reader.required("id") { (n) throws(FieldError) in try n.identifier("id") }
        let idText = reader.has("id") ? (try? reader.node.pairs?.first { $0.key.scalar == "id" }?.value.text("id")) : nil
        let subjectWithID = idText.map { "\(subject.replacingFirstArticle()) '\($0)'" } ?? subject
        reader.subject = subjectWithID
        let entry = id.flatMap { body(&reader, $0) }
        diagnostics += reader.diagnostics
        return (reader.failed ? nil : entry, idText)
    } catch {
        diagnostics.append(error.diagnostic)
        return (nil, nil)
    }
}

extension String {
    /// "a team" → "team", for messages that then name the entry: "team 'networks'".
    fileprivate func replacingFirstArticle() -> String {
        hasPrefix("a ") ? String(dropFirst(2)) : self
    }
}

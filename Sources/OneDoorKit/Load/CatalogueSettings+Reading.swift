extension CatalogueSettings {
    static let fields = ["title", "organisation", "base_url", "language", "languages", "timezone", "contact", "review_interval_days",
                         "priorities", "customers", "synonyms", "lead", "search_hint", "help_desk", "messages"]

    /// The languages `catalogue.yaml` names, read before anything else (its text may be in them); the
    /// reader of the file says what is wrong with them.
    static func languages(in root: SourceNode) -> [String] {
        let value = { (field: String) in root.pairs?.first { $0.key.scalar == field }?.value }
        if let list = value("languages")?.elements?.compactMap({ $0.scalar?.trimmed }).filter(isLanguageTag), !list.isEmpty {
            var seen: Set<String> = []
            return list.filter { seen.insert($0).inserted }
        }
        if let single = value("language")?.scalar?.trimmed, isLanguageTag(single) { return [single] }
        return ["en"]
    }
    static let contactFields = ["phone", "email", "url"]

    /// Reads `catalogue.yaml`; the priorities that could be read are returned even when the rest fails.
    static func read(_ root: SourceNode, diagnostics: inout [Diagnostic], unreadable: inout UnreadableIDs) -> CatalogueSettings? {
        do {
            var reader = try FieldReader(root, subject: "catalogue.yaml", known: fields)
            let title = reader.required("title") { (n) throws(FieldError) in try n.text("title") }
            let organisation = reader.required("organisation") { (n) throws(FieldError) in try n.text("organisation") }
            let baseURL = reader.optional("base_url") { (n) throws(FieldError) -> String in
                let url = try n.webAddress("base_url")
                guard url.hasSuffix("/") else {
                    throw FieldError(at: n.location, "'base_url' must end with '/', like \(url)/")
                }
                return url
            }
            let language = reader.optional("language") { (n) throws(FieldError) -> String in
                let tag = try n.text("language")
                guard isLanguageTag(tag) else {
                    throw FieldError(at: n.location, "'language' must be a BCP 47 language tag such as en, fr or en-CA, not '\(tag)'")
                }
                return tag
            }
            let languages = reader.optional("languages") { (n) throws(FieldError) -> [String] in
                let tags = try n.list("languages") { (item) throws(FieldError) -> String in
                    let tag = try item.text("languages")
                    guard isLanguageTag(tag) else {
                        throw FieldError(at: item.location, "'\(tag)' is not a BCP 47 language tag such as en, fr or fr-CA")
                    }
                    return tag
                }
                guard !tags.isEmpty else { throw FieldError(at: n.location, "'languages' needs one language at least, such as [en, fr]") }
                if let twice = tags.first(where: { tag in tags.count { $0 == tag } > 1 }) {
                    throw FieldError(at: n.location, "'\(twice)' is in 'languages' twice; keep one")
                }
                return tags
            }
            if reader.has("language"), reader.has("languages") {
                reader.report(FieldError(at: reader.location(of: "language"),
                    "'language' and 'languages' are both given; keep 'languages' (its first is the default) and remove 'language'"))
            }
            let lead = reader.optional("lead") { (n) throws(FieldError) in try n.text("lead", maxLength: 300) }
            let searchHint = reader.optional("search_hint") { (n) throws(FieldError) in try n.text("search_hint", maxLength: 200) }
            let helpDesk = reader.optional("help_desk") { (n) throws(FieldError) in try n.text("help_desk", maxLength: 120) }
            let messages = reader.optional("messages") { (n) throws(FieldError) -> [String: String] in
                guard let pairs = n.pairs else {
                    throw FieldError(.fieldType, at: n.location, "'messages' is a block of 'key: text' lines, each replacing one of the portal's own words")
                }
                var messages: [String: String] = [:]
                for pair in pairs {
                    let key = pair.key.scalar ?? ""
                    guard Messages.keys.contains(key) else {
                        throw FieldError(.unknownField, at: pair.key.location, "unknown message '\(key)'"
                            + (Suggestion.closest(to: key, among: Messages.keys.sorted()).map { " (did you mean '\($0)'?)" } ?? "; see docs/languages.md for the keys"))
                    }
                    messages[key] = try pair.value.text(key)
                }
                return messages
            }
            let timeZone = reader.optional("timezone") { (n) throws(FieldError) -> CatalogueTimeZone in
                let name = try n.text("timezone")
                guard let zone = CatalogueTimeZone(identifier: name) else {
                    throw FieldError(at: n.location, "'timezone' must be an IANA time zone such as America/Halifax, Europe/London or UTC, not '\(name)'"
                        + Suggestion.hint(for: name, among: CatalogueTimeZone.knownIdentifiers))
                }
                return zone
            }
            let contact = reader.optional("contact") { (n) throws(FieldError) in try readContact(n) }
            let interval = reader.optional("review_interval_days") { (n) throws(FieldError) in
                try n.integer("review_interval_days", in: 1...36_500)
            }
            let synonyms = reader.optional("synonyms") { (n) throws(FieldError) -> [[String]] in
                try n.list("synonyms") { (group) throws(FieldError) -> [String] in
                    guard group.elements != nil else {
                        throw FieldError(.fieldType, at: group.location,
                            "each entry of 'synonyms' is a list of words or phrases that mean the same, such as [sin, social insurance number]")
                    }
                    let members = try group.textList("synonyms")
                    guard members.count >= 2 else {
                        throw FieldError(at: group.location, "a group of synonyms needs two words or phrases at least, such as [boat, vessel]")
                    }
                    return members
                }
            }
            var priorityFindings: [Diagnostic] = []
            let priorities = reader.required("priorities") { (n) throws(FieldError) -> [Priority] in
                guard let elements = n.elements, !elements.isEmpty else {
                    throw FieldError(.fieldType, at: n.location, "'priorities' must be a list of at least one priority, each with an id and a name")
                }
                return elements.compactMap { element in
                    let (priority, id) = Priority.read(element, diagnostics: &priorityFindings)
                    if priority == nil, let id { unreadable.priorities.insert(id) }
                    return priority
                }
            }
            var customerFindings: [Diagnostic] = []
            let customers = reader.optional("customers") { (n) throws(FieldError) -> [Customer] in
                guard let elements = n.elements else {
                    throw FieldError(.fieldType, at: n.location, "'customers' must be a list of customers, each with an id and a name")
                }
                return elements.compactMap { element in
                    let (customer, id) = Customer.read(element, diagnostics: &customerFindings)
                    if customer == nil, let id { unreadable.customers.insert(id) }
                    return customer
                }
            }
            diagnostics += reader.diagnostics + priorityFindings + customerFindings
            if priorities == nil { unreadable.allPriorities = true }
            guard let title, let organisation, let priorities, !reader.failed else { return nil }
            return CatalogueSettings(
                title: title, organisation: organisation, baseURL: baseURL, language: languages?.first ?? language ?? "en",
                languages: languages ?? [language ?? "en"], timeZone: timeZone ?? .utc, contact: contact,
                reviewIntervalDays: interval ?? defaultReviewIntervalDays, priorities: priorities, customers: customers ?? [],
                synonyms: synonyms ?? [],
                lead: lead, searchHint: searchHint, helpDesk: helpDesk, messages: messages ?? [:])
        } catch {
            diagnostics.append(error.diagnostic)
            unreadable.allPriorities = true
            return nil
        }
    }

    private static func readContact(_ node: SourceNode) throws(FieldError) -> ContactPoint {
        var reader = try FieldReader(node, subject: "the contact", known: contactFields)
        let phone = reader.optional("phone") { (n) throws(FieldError) in try n.phone("phone") }
        let email = reader.optional("email") { (n) throws(FieldError) in try n.email("email") }
        let url = reader.optional("url") { (n) throws(FieldError) in try n.webAddress("url") }
        if let first = reader.diagnostics.first { throw FieldError(first.rule, at: first.location, first.message) }
        return ContactPoint(phone: phone, email: email, url: url)
    }

    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}

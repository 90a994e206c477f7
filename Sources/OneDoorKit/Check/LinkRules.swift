/// Links in service bodies go to existing services or to allowed schemes.
enum LinkRules {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel", "service"]

    /// The findings about one service's links.
    static func findings(for service: Service, index: CatalogueIndex) -> [Diagnostic] {
        findings(in: service.body, file: service.file, bodyLine: service.bodyLine, of: service, index: index)
    }

    /// The findings about the links of a description that starts on line `bodyLine` of `file`; links to
    /// a heading of the same page (`#anchor`) are checked when the description is `service`'s.
    /// `page` gives a service's page as the description's readers see it: in a translation, the
    /// translated page, whose headings are those of its translated description.
    static func findings(in body: String, file: String, bodyLine: Int, of service: Service? = nil, index: CatalogueIndex,
                         page: (Service) -> Service = { $0 }) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for link in Markdown.links(in: body) {
            let location = { SourceLocation(file: file, line: link.line + bodyLine - 1, column: link.column(in: body)) }
            if let finding = check(link.destination, at: location, index: index)
                ?? anchorFinding(link.destination, at: location, of: service, index: index, page: page) {
                findings.append(finding)
            }
        }
        return findings
    }

    /// A warning when a link to a heading of a service's page names no heading of it.
    private static func anchorFinding(
        _ destination: String, at location: () -> SourceLocation, of service: Service?, index: CatalogueIndex, page: (Service) -> Service
    ) -> Diagnostic? {
        let (found, anchor): (Service?, String?) = if destination.hasPrefix("#") {
            (service, String(destination.dropFirst()))
        } else if let link = ServiceLink(destination) {
            (index.services[link.id], link.anchor)
        } else {
            (nil, nil)
        }
        guard let target = found.map(page), let anchor, !anchor.isEmpty else { return nil }
        let anchors = index.anchors.anchors(of: target)
        guard !anchors.contains(anchor) else { return nil }
        let page = target.id == service?.id ? "this page" : "the page of '\(target.id)'"
        let headings = anchors.prefix { !index.anchors.pageIDs.contains($0) }
        let listed = headings.prefix(8).map { "'#\($0)'" }.joined(separator: ", ") + (headings.count > 8 ? ", …" : "")
        let fix = Suggestion.closest(to: anchor, among: anchors).map { " (did you mean '#\($0)'?)" }
            ?? (headings.isEmpty ? "; that description has no heading" : "; its headings are \(listed)")
        return .warning(.brokenAnchor, at: location(), "the link '\(destination)' leads to no heading of \(page)\(fix)")
    }

    private static func check(_ destination: String, at location: () -> SourceLocation, index: CatalogueIndex) -> Diagnostic? {
        guard let scheme = WebAddress.scheme(of: destination) else {
            guard destination.hasPrefix("//") else { return nil }
            return .error(.forbiddenLink, at: location(),
                "the link '\(destination)' has no scheme; write it in full with https://")
        }
        guard allowedSchemes.contains(scheme) else {
            return .error(.forbiddenLink, at: location(),
                "links with the scheme '\(scheme):' are not allowed; use http, https, mailto, tel, service:ID or a relative path")
        }
        guard let link = ServiceLink(destination), !index.serviceExists(link.id) else { return nil }
        return .error(.brokenServiceLink, at: location(),
            "the link '\(destination)' names no service" + Suggestion.hint(index.closest(to: link.id, of: .service))
                + "; link to the id of a file in services/")
    }

    /// The findings about the links of the catalogue's translations, each against the pages in its language.
    static func translationFindings(_ catalogue: Catalogue, index: CatalogueIndex) -> [Diagnostic] {
        // Each language's translations by the file they translate, made once.
        let byLanguage = Dictionary(grouping: catalogue.translations, by: \.language).mapValues { translations in
            Dictionary(translations.map { ($0.serviceFile, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let services = Dictionary(catalogue.services.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        return catalogue.translations.concurrentMap { translation -> [Diagnostic] in
            guard let body = translation.body, let service = services[translation.serviceFile] else { return [] }
            let translations = byLanguage[translation.language] ?? [:]
            return findings(in: body, file: translation.file, bodyLine: translation.bodyLine, of: service.translated(by: translation), index: index) {
                translations[$0.file].map($0.translated) ?? $0
            }
        }.flatMap { $0 }
    }
}

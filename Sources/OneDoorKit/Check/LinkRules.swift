/// Links in service bodies go to existing services or to allowed schemes.
enum LinkRules {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel", "service"]

    /// The findings about one service's links.
    static func findings(for service: Service, index: CatalogueIndex) -> [Diagnostic] {
        findings(in: service.body, file: service.file, bodyLine: service.bodyLine, index: index)
    }

    /// The findings about the links of a description that starts on line `bodyLine` of `file`.
    static func findings(in body: String, file: String, bodyLine: Int, index: CatalogueIndex) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for link in Markdown.links(in: body) {
            let location = { SourceLocation(file: file, line: link.line + bodyLine - 1, column: link.column(in: body)) }
            if let finding = check(link.destination, at: location, index: index) {
                findings.append(finding)
            }
        }
        return findings
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
}

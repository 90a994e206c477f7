#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Warnings about entries that are not used, and about services that say too little.
enum UsageRules {
    /// Categories and teams that nothing uses.
    static func check(_ catalogue: Catalogue) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        // Services that could not be read whole still count as using what they name.
        let unreadable = catalogue.unreadable.serviceReferences
        let usedCategories = Set(catalogue.services.map(\.category.value)
            + unreadable.filter { $0.kind == .category }.map(\.reference.value) + catalogue.categories.compactMap(\.parent?.value))
        for category in catalogue.categories where !usedCategories.contains(category.id) {
            findings.append(.warning(.emptyCategory, at: category.location,
                "category '\(category.id)' has no services and no sub-categories; add a service to it or remove it"))
        }
        let owners = Set(catalogue.services.map(\.owner.value) + unreadable.filter { $0.kind == .team }.map(\.reference.value))
        for team in catalogue.teams where !owners.contains(team.id) {
            findings.append(.warning(.unusedTeam, at: team.location,
                "team '\(team.id)' owns no service; name it as a service's 'owner' or remove it"))
        }
        return findings
    }

    /// A summary that only repeats the name, and an empty description.
    static func check(_ service: Service) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let summary = service.summary.value
        if summary.utf8.count <= service.name.utf8.count + 8, words(summary) == words(service.name) {
            findings.append(.warning(.summaryRepeatsName, at: service.summary.location,
                "the summary of '\(service.id)' only repeats its name; say in a sentence what people get from it"))
        }
        if service.body.allSatisfy(\.isWhitespace) {
            findings.append(.warning(.emptyBody, at: SourceLocation(file: service.file, line: service.bodyLine - 1, column: 1),
                "service '\(service.id)' has no description; after the front matter, say what people get, who can ask and how"))
        }
        if summary.hasPrefix(ServiceScaffold.placeholderSummary) {
            findings.append(.warning(.placeholderText, at: service.summary.location,
                "the summary of '\(service.id)' is still the one 'onedoor new service' wrote; say in a sentence what people get from it"))
        }
        if let line = placeholderLine(in: service.body) {
            findings.append(.warning(.placeholderText, at: SourceLocation(file: service.file, line: service.bodyLine + line, column: 1),
                "the description of '\(service.id)' still has text 'onedoor new service' wrote; replace it with what is true of this service"))
        }
        return findings
    }

    private static let placeholders = ServiceScaffold.placeholderParagraphs.map { Array($0.utf8) }

    /// The first line of `body` (from 0) that is a paragraph `onedoor new service` wrote. Every line of
    /// every description goes through here, so it jumps from line to line with `memchr`.
    private static func placeholderLine(in body: String) -> Int? {
        Array(body.utf8).withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            var (line, start) = (0, 0)
            while start < bytes.count {
                for placeholder in placeholders where bytes[start...].starts(with: placeholder) {
                    let rest = bytes[(start + placeholder.count)...].prefix { $0 != 0x0A }
                    if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return line }
                }
                guard let newline = memchr(base + start, 0x0A, bytes.count - start) else { return nil }
                (line, start) = (line + 1, base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1)
            }
            return nil
        }
    }

    /// Lower-cased words without punctuation, so "Email." and "email" compare equal.
    private static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}

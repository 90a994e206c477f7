/// The languages of a catalogue (`languages: [en, fr]`, the first the default; one for a catalogue in
/// one language) and the one a load reads its text in.
public struct LanguageChoice: Sendable, Hashable {
    public let languages: [String]
    public let chosen: String

    public init(languages: [String], chosen: String? = nil) {
        self.languages = languages
        self.chosen = chosen ?? languages[0]
    }

    public var defaultLanguage: String { languages[0] }
    public var isDefault: Bool { chosen == defaultLanguage }

    /// The fields of YAML files whose text a person reads, which may be a map from language to text.
    static let translatableFields: Set<String> = [
        "title", "organisation", "name", "description", "examples", "hours", "label", "escalation", "summary", "cost", "role",
        "audience", "keywords", "text", "cause", "lead", "search_hint", "help_desk",
    ]
}

extension SourceNode {
    /// The tree with each language map (`name: {en: Accounts, fr: Comptes}`) replaced by the text of the
    /// chosen language, or of the default language when the map has none for it. A map is a mapping
    /// whose keys all look like language tags and of which one at least is a language of the catalogue
    /// or a two-letter tag other than `id`. In the default language's read (so that each is said once),
    /// the maps' mistakes are added to `diagnostics`: a language the catalogue does not have, and, in a catalogue of
    /// several languages, a text field with no text in one of them (`missing-translation`) — plain text
    /// too when `plainTextIsMissing` (in YAML files; a service's text is translated in its own file).
    func localized(_ choice: LanguageChoice, plainTextIsMissing: Bool = true, diagnostics: inout [Diagnostic]) -> SourceNode {
        var findings: [Diagnostic]? = choice.isDefault ? [] : nil
        let localized = localized(choice, field: nil, plainTextIsMissing: plainTextIsMissing, findings: &findings)
        diagnostics += findings ?? []
        return localized
    }

    private func localized(_ choice: LanguageChoice, field: String?, plainTextIsMissing: Bool, findings: inout [Diagnostic]?) -> SourceNode {
        let warnsPlain = findings != nil && plainTextIsMissing && choice.languages.count > 1
        switch content {
        case .scalar, .alias:
            if warnsPlain, let field, LanguageChoice.translatableFields.contains(field),
               let text = scalar, !text.trimmed.isEmpty {
                findings?.append(.warning(.missingTranslation, at: location,
                    "'\(field)' has text in \(choice.defaultLanguage) only; write it as {\(choice.languages.map { "\($0): …" }.joined(separator: ", "))} "
                        + "(the \(choice.defaultLanguage) text is shown meanwhile)"))
            }
            return self
        case let .sequence(elements):
            if warnsPlain, let field, LanguageChoice.translatableFields.contains(field),
               elements.contains(where: { $0.scalar != nil }) {
                findings?.append(.warning(.missingTranslation, at: location,
                    "'\(field)' has text in \(choice.defaultLanguage) only; write it as {\(choice.languages.map { "\($0): […]" }.joined(separator: ", "))} "
                        + "(the \(choice.defaultLanguage) text is shown meanwhile)"))
            }
            return SourceNode(.sequence(elements.map {
                $0.localized(choice, field: nil, plainTextIsMissing: plainTextIsMissing, findings: &findings)
            }), at: location)
        case let .mapping(pairs):
            guard isLanguageMap(for: choice) else {
                return SourceNode(.mapping(pairs.map { pair in
                    Pair(key: pair.key, value: pair.value.localized(choice, field: pair.key.scalar, plainTextIsMissing: plainTextIsMissing,
                                                                    findings: &findings))
                }), at: location)
            }
            if findings != nil {
                for pair in pairs where !choice.languages.contains(pair.key.scalar ?? "") {
                    findings?.append(.error(.unknownLanguage, at: pair.key.location,
                        "'\(pair.key.scalar ?? "")' is not a language of this catalogue (\(choice.languages.joined(separator: ", "))); "
                            + "add it to 'languages' in catalogue.yaml, or remove this text"))
                }
                let missing = choice.languages.filter { language in !pairs.contains { $0.key.scalar == language } }
                // A map in none of the catalogue's languages has its error already.
                if !missing.isEmpty, missing.count < choice.languages.count {
                    findings?.append(.warning(.missingTranslation, at: location,
                        "\(field.map { "'\($0)'" } ?? "this text") has no text in \(missing.joined(separator: ", ")); add "
                            + missing.map { "'\($0): …'" }.joined(separator: ", ")
                            + (pairs.contains { $0.key.scalar == choice.defaultLanguage } ? " (the \(choice.defaultLanguage) text is shown meanwhile)" : "")))
                }
            }
            let picked = pairs.first { $0.key.scalar == choice.chosen } ?? pairs.first { $0.key.scalar == choice.defaultLanguage }
                ?? pairs.first { choice.languages.contains($0.key.scalar ?? "") } ?? pairs[0]
            return picked.value
        }
    }

    private func isLanguageMap(for choice: LanguageChoice) -> Bool {
        guard let pairs, !pairs.isEmpty else { return false }
        let keys = pairs.compactMap(\.key.scalar)
        guard keys.count == pairs.count, keys.allSatisfy(CatalogueSettings.isLanguageTag) else { return false }
        // `id` is Indonesian's tag but, first, every entry's first field: `- id: p5` with no name yet is
        // an entry, unless the catalogue is in Indonesian.
        return keys.contains { choice.languages.contains($0) || ($0.count == 2 && $0.allSatisfy(\.isLowercase) && $0 != "id") }
    }
}

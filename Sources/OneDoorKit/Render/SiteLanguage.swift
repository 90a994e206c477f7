/// Where a renderer's pages stand among the catalogue's languages: a catalogue in one language has its
/// pages at the root of the output; one in several has each language's in a folder of its own
/// (`en/`, `fr/`), with a page at the root to choose.
public struct SiteLanguage: Sendable, Hashable {
    public let language: String
    /// Every language of the catalogue, the default first.
    public let languages: [String]

    public init(language: String, languages: [String]) {
        self.language = language
        self.languages = languages
    }

    /// The only language of a catalogue in one.
    public init(_ settings: CatalogueSettings) {
        self.init(language: settings.language, languages: settings.languages)
    }

    public var isMultilingual: Bool { languages.count > 1 }

    /// The folder of its pages in the output: `fr/`, or nothing for a catalogue in one language.
    public var folder: String { isMultilingual ? language + "/" : "" }

    /// How the portal writes in this language, with the catalogue's own words.
    func wording(for settings: CatalogueSettings) -> Wording {
        let messages = Messages(language: language, replacements: settings.messages)
        return Wording(language: language, replacements: settings.messages, names: [
            "title": settings.title, "organisation": settings.organisation, "helpDesk": settings.helpDesk ?? messages("help_desk"),
        ])
    }
}

/// The catalogue's text in its default language, for the pages of another: a text the same in both
/// was not translated, and is marked with the default language's `lang`.
struct DefaultLanguageText: Sendable {
    let language: String
    let settings: CatalogueSettings
    let services: [String: Service]
    let categories: [String: Category]
    let teams: [String: Team]
    let supportModels: [String: SupportModel]
    let priorities: [String: Priority]

    init(_ catalogue: Catalogue) {
        language = catalogue.settings.language
        settings = catalogue.settings
        services = Dictionary(catalogue.services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        categories = Dictionary(catalogue.categories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        teams = Dictionary(catalogue.teams.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        supportModels = Dictionary(catalogue.supportModels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        priorities = Dictionary(catalogue.settings.priorities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The default language's tag when `text` is its text, untranslated.
    func lang(of text: String?, original: String?) -> String? {
        text != nil && text == original ? language : nil
    }
}

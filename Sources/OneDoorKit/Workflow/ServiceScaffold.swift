public import Foundation

/// Why a new service file was not written.
public struct ScaffoldError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public var description: String { message }

    /// Writes new files (path in `folder` → text) with the folders they need, never over a file.
    static func write(_ files: [(path: String, text: String)], in folder: URL) throws(ScaffoldError) {
        do {
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw ScaffoldError(message: "could not write into '\(folder.path)': \(error.localizedDescription)")
        }
    }
}

/// Writes a new, valid service file from a template: `onedoor new service`.
public struct ServiceScaffold: Sendable {
    public let id: String
    public let category: String
    public let owner: String
    public let supportModel: String?
    /// Also write the service's translation file for each other language of the catalogue.
    public let withTranslations: Bool

    public init(id: String, category: String, owner: String, supportModel: String?, withTranslations: Bool = false) {
        self.id = id
        self.category = category
        self.owner = owner
        self.supportModel = supportModel
        self.withTranslations = withTranslations
    }

    /// Checks the arguments against the catalogue, writes `services/CATEGORY/ID.md` (and its translations
    /// with `withTranslations`), and returns the paths written, separated by commas.
    public func create(in folder: URL, catalogue: Catalogue, today: Day) throws(ScaffoldError) -> String {
        guard Identifier.isValid(id) else {
            throw ScaffoldError(message: "'\(id)' is not a valid id: \(Identifier.rule)" + Identifier.suggestion(for: id))
        }
        if let existing = catalogue.services.first(where: { $0.id.lowercased() == id.lowercased() }) {
            throw ScaffoldError(message: "the service id '\(id)' is already used at \(existing.file); choose another id")
        }
        let model = supportModel ?? catalogue.supportModels.first?.id ?? ""
        let checks: [(String, String, [String], String)] = [
            ("category", category, catalogue.categories.map(\.id), CatalogueLoader.categoriesFile),
            ("team", owner, catalogue.teams.map(\.id), CatalogueLoader.teamsFile),
            ("support model", model, catalogue.supportModels.map(\.id), CatalogueLoader.supportModelsFile),
        ]
        for (kind, value, known, file) in checks where !known.contains(value) {
            throw ScaffoldError(message: ReferenceRules.unknown(kind, Reference(value, at: .start(of: file)), closest: Suggestion.closest(to: value, among: known), file: file).message)
        }
        let path = "\(CatalogueLoader.servicesFolder)/\(category)/\(id).md"
        let url = folder.appendingPathComponent(path)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw ScaffoldError(message: "'\(path)' already exists")
        }
        let languages = catalogue.settings.languages
        if withTranslations, languages.count < 2 {
            throw ScaffoldError(message: "--languages writes a translation for each other language of the catalogue, and it has one only; "
                + "list them in 'languages' in catalogue.yaml first")
        }
        let translations = withTranslations ? languages.dropFirst().map { language in
            ("\(CatalogueLoader.servicesFolder)/\(category)/\(id).\(language).md", translation(language: language))
        } : []
        try ScaffoldError.write([(path, text(supportModel: model, today: today))] + translations, in: folder)
        return ([path] + translations.map(\.0)).joined(separator: ", ")
    }

    /// A translation's file, ready to fill in: the name and summary to write in that language, and the
    /// description after them.
    func translation(language: String) -> String {
        let name = id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        if Messages.isFrench(language) {
            return "---\nname: \(name)\nsummary: Dites en une phrase ce que les gens obtiennent de ce service.\n---\n\n"
                + "Ce que les gens obtiennent de ce service, en quelques phrases.\n\n## Qui peut demander\n\nQui peut le demander, et qui doit l’approuver.\n\n"
                + "## Comment demander\n\nOù et comment le demander : un lien, un formulaire ou un numéro de téléphone.\n"
        }
        return "---\nname: \(name)\nsummary: The summary, in \(language).\n---\n\nThe description, in \(language).\n"
    }

    /// The start of the summary the file is written with, for the owner to replace.
    static let placeholderSummary = "Say in one sentence what people get from"
    /// The paragraphs of the description the file is written with, for the owner to replace.
    static let placeholderParagraphs = [
        "What people get from this service, in a few sentences.",
        "Who may ask for it, and who must approve.",
        "Where and how to ask for it: a link, a form or a phone number.",
    ]

    /// The file: every required field filled in, the service in the pipeline until its owner makes it live.
    func text(supportModel: String, today: Day) -> String {
        let name = id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        let paragraphs = Self.placeholderParagraphs
        return """
            ---
            name: \(name)
            summary: \(Self.placeholderSummary) \(name).
            category: \(category)
            type: business
            status: pipeline
            owner: \(owner)
            support_model: \(supportModel)
            keywords: []
            last_reviewed: \(today)
            ---

            \(paragraphs[0])

            ## Who can ask

            \(paragraphs[1])

            ## How to ask

            \(paragraphs[2])

            """
    }
}

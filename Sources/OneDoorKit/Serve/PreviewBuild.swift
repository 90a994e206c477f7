public import Foundation

/// One build for the preview server, in memory: the portal's files, or the findings that stopped it.
public struct PreviewBuild: Sendable {
    public let catalogueFolder: URL
    public let templatesFolder: URL?
    public let today: Day

    public init(catalogueFolder: URL, templatesFolder: URL?, today: Day) {
        self.catalogueFolder = catalogueFolder
        self.templatesFolder = templatesFolder
        self.today = today
    }

    /// The portal's files by path, or every finding when there is an error.
    public func run() -> Result<[String: OutputFile], PreviewFailure> {
        let loaded: LoadedCatalogue
        do {
            loaded = try CatalogueLoader(folder: catalogueFolder).load()
        } catch {
            return .failure(PreviewFailure(messages: ["error: \(error)"]))
        }
        let findings = CatalogueChecker(today: today).check(folder: loaded)
        guard !findings.hasErrors else { return .failure(PreviewFailure(messages: findings.map(\.description))) }
        do {
            let templates = try TemplateSet.load(overrides: templatesFolder)
            let files = SiteRenderer(catalogue: loaded.catalogue, templates: templates).render()
            return .success(Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }))
        } catch {
            return .failure(PreviewFailure(messages: [error.description]))
        }
    }
}

/// Why a preview build did not publish: the lines `check` would print.
public struct PreviewFailure: Error, Sendable, Equatable {
    public let messages: [String]
}

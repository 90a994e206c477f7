/// A whole catalogue as read from its folder; services sorted by id.
public struct Catalogue: Sendable {
    public let settings: CatalogueSettings
    /// In the order of `categories.yaml`, which is the display order.
    public let categories: [Category]
    public let teams: [Team]
    public let supportModels: [SupportModel]
    public let services: [Service]
    /// The rows of `performance/*.csv`, in the order of the files (sorted by name) and their lines.
    public let measurements: [Measurement]
    /// The notices of `notices/*.md`, sorted by id.
    public let notices: [Notice]
    /// The translations of services into the catalogue's other languages (`ID.LANG.md`), as read by the
    /// default language's read, for the checks; another language's read has them in its services.
    public let translations: [ServiceTranslation]
    /// True when a service file's front matter holds a language map, so that another language's read
    /// must read the services again rather than take this read's.
    public let servicesHaveLanguageMaps: Bool
    /// Ids of entries found in the sources that could not be read whole: references to them
    /// are not reported again, since the entry's own finding says what to fix.
    public let unreadable: UnreadableIDs
    /// How many source files were read.
    public let fileCount: Int

    public init(
        settings: CatalogueSettings, categories: [Category], teams: [Team], supportModels: [SupportModel],
        services: [Service], measurements: [Measurement] = [], notices: [Notice] = [], translations: [ServiceTranslation] = [], servicesHaveLanguageMaps: Bool = false, unreadable: UnreadableIDs = UnreadableIDs(), fileCount: Int
    ) {
        self.settings = settings
        self.categories = categories
        self.teams = teams
        self.supportModels = supportModels
        self.services = services.sorted { $0.id < $1.id }
        self.measurements = measurements
        self.notices = notices.sorted { $0.id < $1.id }
        self.translations = translations
        self.servicesHaveLanguageMaps = servicesHaveLanguageMaps
        self.unreadable = unreadable
        self.fileCount = fileCount
    }
}

/// Ids of entries that exist in the sources but were not read whole, by kind.
public struct UnreadableIDs: Sendable {
    public var priorities: Set<String> = []
    /// The customers of `catalogue.yaml` whose entries could not be read whole.
    public var customers: Set<String> = []
    public var categories: Set<String> = []
    public var teams: Set<String> = []
    public var supportModels: Set<String> = []
    public var services: Set<String> = []
    /// The ids named by services that could not be read whole, so that a wrong one is still reported.
    public var serviceReferences: [ReferenceUse] = []
    /// The descriptions of services that could not be read whole, so that their links are still checked.
    public var descriptions: [(file: String, body: String, bodyLine: Int)] = []
    /// True when `catalogue.yaml` could not be read, so no priority id can be checked.
    public var allPriorities = false
    /// True when the file of that kind could not be read at all, so no id of that kind can be checked.
    public var allCategories = false
    public var allTeams = false
    public var allSupportModels = false

    public init() {}
}

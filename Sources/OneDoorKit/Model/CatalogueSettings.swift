/// The site settings of `catalogue.yaml`.
public struct CatalogueSettings: Hashable, Sendable {
    public static let defaultReviewIntervalDays = 365

    public let title: String
    public let organisation: String
    /// An absolute http(s) address ending in `/`, when the portal has a known home.
    public let baseURL: String?
    /// The default language: the first of `languages`.
    public let language: String
    /// Every language of the catalogue, the default first; one for a catalogue in one language.
    public let languages: [String]
    /// The zone of the times written in notices; UTC unless `timezone` says otherwise.
    public let timeZone: CatalogueTimeZone
    public let contact: ContactPoint?
    public let reviewIntervalDays: Int
    public let priorities: [Priority]
    /// The customers the performance files and notices name, when the catalogue lists them.
    public let customers: [Customer]
    /// Groups of words or phrases that search treats as the same: `[sin, social insurance number]`.
    public let synonyms: [[String]]
    /// The home page's lead sentence, the search box's hint and the name of the one door people call,
    /// in the language read; nil where the portal's neutral wording is used.
    public let lead: String?
    public let searchHint: String?
    public let helpDesk: String?
    /// The portal's own words replaced by the catalogue, by message key, in the language read.
    public let messages: [String: String]

    /// True when the catalogue has several languages, each published in its own folder.
    public var isMultilingual: Bool { languages.count > 1 }

    /// The customer of `id`, when the catalogue lists it.
    public func customer(_ id: String) -> Customer? {
        customers.first { $0.id == id }
    }

    /// A customer's name when the catalogue lists it, else its id.
    public func customerName(_ id: String) -> String {
        customer(id)?.name ?? id
    }
}

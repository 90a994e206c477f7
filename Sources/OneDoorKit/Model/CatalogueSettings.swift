/// The site settings of `catalogue.yaml`.
public struct CatalogueSettings: Hashable, Sendable {
    public static let defaultReviewIntervalDays = 365

    public let title: String
    public let organisation: String
    /// An absolute http(s) address ending in `/`, when the portal has a known home.
    public let baseURL: String?
    public let language: String
    /// The zone of the times written in notices; UTC unless `timezone` says otherwise.
    public let timeZone: CatalogueTimeZone
    public let contact: ContactPoint?
    public let reviewIntervalDays: Int
    public let priorities: [Priority]
    /// Groups of words or phrases that search treats as the same: `[sin, social insurance number]`.
    public let synonyms: [[String]]
}

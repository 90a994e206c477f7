/// Every rule the checker enforces, by the name `--format json` prints.
public enum Rule: String, Sendable, CaseIterable, Comparable {
    // Files
    case missingFile = "missing-file"
    case encoding = "encoding"
    case yamlSyntax = "yaml-syntax"
    case frontMatter = "front-matter"
    case limit = "limit"
    case unsafePath = "unsafe-path"
    case permissionDenied = "permission-denied"
    // Fields
    case missingField = "missing-field"
    case fieldType = "field-type"
    case invalidValue = "invalid-value"
    case unknownField = "unknown-field"
    case duplicateField = "duplicate-field"
    // Identifiers
    case invalidID = "invalid-id"
    case duplicateID = "duplicate-id"
    case idMismatch = "id-mismatch"
    // References
    case unknownReference = "unknown-reference"
    case dependencyCycle = "dependency-cycle"
    case categoryCycle = "category-cycle"
    case brokenServiceLink = "broken-service-link"
    case forbiddenLink = "forbidden-link"
    // Support models
    case missingTarget = "missing-target"
    case duplicateTarget = "duplicate-target"
    // Performance
    case overlappingPeriods = "overlapping-periods"
    // Languages
    case unknownLanguage = "unknown-language"
    case untranslatableField = "untranslatable-field"
    case orphanTranslation = "orphan-translation"
    // Notices
    case noticeSeverity = "notice-severity"
    case noticeTimes = "notice-times"
    // Lifecycle
    case dependsOnRetired = "depends-on-retired"
    case replacedByNotRetired = "replaced-by-not-retired"
    case replacementNotLive = "replacement-not-live"
    case reviewInFuture = "review-in-future"
    // Warnings
    case reviewOverdue = "review-overdue"
    case emptyCategory = "empty-category"
    case unusedTeam = "unused-team"
    case summaryRepeatsName = "summary-repeats-name"
    case emptyBody = "empty-body"
    case brokenAnchor = "broken-anchor"
    case placeholderText = "placeholder-text"
    case linkedFolder = "linked-folder"
    case missingTranslation = "missing-translation"

    public static func < (lhs: Rule, rhs: Rule) -> Bool { lhs.rawValue < rhs.rawValue }
}

internal import Foundation

/// One source file, held in memory, read and checked inside a small fixed catalogue, then rendered:
/// every stage a file goes through, without a disk. The fuzzer feeds it arbitrary bytes, and the
/// tests replay its corpus.
public enum InMemoryCheck {
    /// Which file the bytes stand for.
    public enum Role: CaseIterable, Sendable {
        case service, categories, supportModels
    }

    /// Reads `bytes` as a file of `role`, checks the catalogue it belongs to, and renders the portal when
    /// the check passes. Returns the findings; never traps, whatever the bytes.
    @discardableResult
    public static func run(_ bytes: [UInt8], as role: Role, today: Day = Day("2026-06-01")!) -> [Diagnostic] {
        let path = switch role {
        case .service: "services/fuzz/probe.md"
        case .categories: CatalogueLoader.categoriesFile
        case .supportModels: CatalogueLoader.supportModelsFile
        }
        var diagnostics: [Diagnostic] = []
        var unreadable = UnreadableIDs()
        var services = [base.service]
        var categories = base.categories
        var models = base.supportModels
        switch SourceText.decode(Data(bytes), path: path) {
        case let .failure(finding):
            diagnostics.append(finding)
        case let .success(source):
            diagnostics += SourceLimits.check(source)
            if diagnostics.isEmpty {
                switch role {
                case .service:
                    if let service = Service.read(source, diagnostics: &diagnostics, unreadable: &unreadable) { services.append(service) }
                    // The description is rendered even when the fields are wrong, so every body reaches cmark.
                    if case let .success(frontMatter) = FrontMatter.split(source) {
                        _ = Markdown.render(frontMatter.body) { "../services/\($0).html" }
                    }
                case .categories:
                    categories = readList(source, diagnostics: &diagnostics, Category.read)
                case .supportModels:
                    models = readList(source, diagnostics: &diagnostics, SupportModel.read)
                }
            }
        }
        let catalogue = Catalogue(settings: base.settings, categories: categories, teams: base.teams, supportModels: models,
                                  services: services, unreadable: unreadable, fileCount: 5)
        let findings = (diagnostics + CatalogueChecker(today: today).check(catalogue)).sorted()
        if !findings.hasErrors, let templates = try? TemplateSet.load() {
            _ = SiteRenderer(catalogue: catalogue, templates: templates).render()
        }
        return findings
    }

    /// False when `PlainYAML` reads the YAML of `bytes` (the front matter of a service file, or a whole
    /// YAML file) into anything but what Yams reads: the fuzzer traps on it.
    public static func plainYAMLAgreesWithYams(_ bytes: [UInt8], as role: Role) -> Bool {
        guard case let .success(source) = SourceText.decode(Data(bytes), path: "probe") else { return true }
        var yaml = source.text
        if role == .service {
            guard case let .success(frontMatter) = FrontMatter.split(source) else { return true }
            yaml = frontMatter.yaml
        }
        guard let plain = PlainYAML.parse(yaml, file: "probe", lineOffset: 0) else { return true }
        guard case let .success(yams?) = SourceNode.parseWithYams(yaml, file: "probe") else { return false }
        return plain == yams
    }

    private static func readList<Entry>(
        _ source: SourceText, diagnostics: inout [Diagnostic], _ read: (SourceNode, inout [Diagnostic]) -> (Entry?, id: String?)
    ) -> [Entry] {
        guard case let .success(root?) = SourceNode.parse(source.text, file: source.path) else { return [] }
        return (root.elements ?? []).compactMap { read($0, &diagnostics).0 }
    }

    /// The catalogue the file is checked in: one category, team, support model and service.
    private static let base: (settings: CatalogueSettings, categories: [Category], teams: [Team],
                              supportModels: [SupportModel], service: Service) = {
        let here = SourceLocation.start(of: "base")
        let priority = Priority(id: "p1", name: "Priority 1", description: nil, examples: [], location: here)
        let settings = CatalogueSettings(title: "Fuzz", organisation: "Fuzz", baseURL: "https://fuzz.example/", language: "en",
                                         contact: nil, reviewIntervalDays: 365, priorities: [priority])
        let target = Target(priority: Reference("p1", at: here), respond: nil, resolve: Duration(amount: 4, unit: .hours),
                            percent: 95, location: here)
        let model = SupportModel(id: "standard", name: "Standard", hours: "Always",
                                 channels: [Channel(kind: .phone, value: "555", label: nil)], escalation: [], targets: [target],
                                 location: here)
        let service = Service(
            id: "base", file: "services/base.md", name: "Base", summary: Located("The base service.", at: here),
            category: Reference("desk", at: here), kind: .business, status: .live, owner: Reference("team", at: here),
            supportModel: Reference("standard", at: here), audience: [], keywords: [], requestURL: nil, contacts: [],
            dependsOn: [], targets: [], availability: nil, continuity: nil, cost: nil,
            lastReviewed: Located(Day("2026-05-01")!, at: here), replacedBy: nil, body: "Base.", bodyLine: 1)
        return (settings, [Category(id: "desk", name: "Desk", description: nil, parent: nil, location: here)],
                [Team(id: "team", name: "Team", email: nil, phone: nil, url: nil, location: here)], [model], service)
    }()
}

import Foundation
@testable import OneDoorKit
import Testing

@Suite struct CatalogueDiffTests {
    /// A fixture (the minimal one unless said), before and after `files` are written over it.
    func diff(_ files: [String: String?], fixture: String = "minimal") throws -> CatalogueDiff {
        let before = try FixtureCatalogue(fixture)
        let after = try FixtureCatalogue(fixture, files: files)
        defer { before.remove(); after.remove() }
        let snapshot = { (fixture: FixtureCatalogue) throws -> CatalogueSnapshot in
            let pipeline = fixture.pipeline()
            return try CatalogueSnapshot(catalogues: pipeline.catalogues(of: try pipeline.load().catalogue))
        }
        return CatalogueDiff(old: try snapshot(before), new: try snapshot(after))
    }

    @Test func aChangedTranslationIsReported() throws {
        let report = DiffReport(diff: try diff([
            "services/hosting.fr.md": "---\nname: Hébergement des applications\nsummary: Des serveurs pour les applications.\n---\n\nDes serveurs.\n",
        ], fixture: "bilingual"))
        let text = report.rendered(as: .text)
        #expect(text.contains("fr name «Hébergement» → «Hébergement des applications»"), "\(text)")
        #expect(text.contains("fr description (60 characters) → (13 characters)"), "\(text)")
    }

    @Test func noChangeSaysSo() throws {
        let report = DiffReport(diff: try diff([:]))
        #expect(report.rendered(as: .text) == "No changes to services.\n")
    }

    @Test func addedServicesAndOwnersAreListed() throws {
        let result = try diff([
            "services/desk/printing.md": serviceFile(),
            "services/desk/laptops.md": serviceFile(["name": "Laptops", "owner": "platform-team", "depends_on": "[hosting]"]),
        ])
        #expect(result.changes.map(\.message).contains("added (live)"))
        #expect(result.changes.contains { $0.service == "laptops" && $0.message == "owner desk-team → platform-team" })
        #expect(result.breaking.isEmpty)
    }

    @Test func retiringAServiceOthersDependOnIsBreaking() throws {
        let result = try diff([
            "services/hosting.md": serviceFile(["name": "Hosting", "category": "infrastructure", "owner": "platform-team", "status": "retired"]),
        ])
        let retired = try #require(result.breaking.first)
        #expect(retired.kind == .retired)
        #expect(retired.message == "retired, but these still depend on it or link to it: laptops")
    }

    @Test func aWeakerTargetIsBreakingAndAStrongerOneIsNot() throws {
        let weaker = try diff([
            "services/hosting.md": serviceFile(["name": "Hosting", "category": "infrastructure", "owner": "platform-team",
                                                "targets": "[{priority: p1, resolve: 8wh, percent: 95}]"]),
        ])
        let change = try #require(weaker.breaking.first)
        #expect(change.field == "targets.p1")
        #expect(change.message.hasSuffix("(weaker)"))
        let stronger = try diff([
            "services/hosting.md": serviceFile(["name": "Hosting", "category": "infrastructure", "owner": "platform-team",
                                                "targets": "[{priority: p1, respond: 10m, resolve: 2h, percent: 99}]"]),
        ])
        #expect(stronger.breaking.isEmpty)
        #expect(stronger.changes.contains { $0.field == "targets.p1" })
    }

    @Test func theMarkdownIsReadyToPostOnAPullRequest() throws {
        let report = DiffReport(diff: try diff([
            "services/hosting.md": serviceFile(["name": "Hosting *bold*", "category": "infrastructure", "owner": "platform-team", "status": "retired"]),
            "services/desk/printing.md": serviceFile(),
        ]))
        let markdown = report.rendered(as: .markdown)
        #expect(markdown.hasPrefix("## Service catalogue changes\n\n**1 added, 0 removed, 1 retired, 0 brought live, 0 changed; 1 breaking**"))
        #expect(markdown.contains("### ⚠️ Breaking changes\n\n- **Hosting \\*bold\\*** (`hosting`): retired, but these still depend on it or link to it: laptops"))
        #expect(markdown.contains("### Added\n\n- **Printing** (`printing`): added (live)"))
    }

    /// The minimal fixture's files, one line edited.
    private func fixtureFile(_ name: String, editing old: String, to new: String) throws -> String {
        try String(contentsOf: Bundle.module.url(forResource: "Fixtures/minimal/\(name)", withExtension: nil)!, encoding: .utf8)
            .edited(old, to: new)
    }

    @Test func aWeakerSupportModelIsOneLineNamingItAndTheServicesItReaches() throws {
        let models = try fixtureFile("support-models.yaml", editing: "      resolve: 4wh\n      percent: 95", to: "      resolve: 8wh\n      percent: 90")
        let changed = try diff(["support-models.yaml": models])
        #expect(changed.breaking.count == 2)  // both services, each on its own in JSON
        let group = try #require(changed.groups.first)
        #expect(changed.groups.count == 1 && changed.ungrouped.isEmpty)
        #expect(group.isBreaking && group.services == ["hosting", "laptops"])
        #expect(group.message.hasPrefix("support model Standard (standard): P1 target respond within 15m, 95% resolved within 4wh → "))
        let report = DiffReport(diff: changed)
        let text = report.rendered(as: .text)
        #expect(text.contains("Breaking changes (1):\n  - support model Standard (standard): P1 target"))
        #expect(text.contains("(weaker) — hosting, laptops\n"))
        #expect(report.summary.hasSuffix("2 changed; 1 breaking (2 services)"))
        let markdown = report.rendered(as: .markdown)
        #expect(markdown.contains("(weaker)** — 2 services\n  <details><summary>Which services</summary>\n\n  `hosting`, `laptops`\n\n  </details>"))
    }

    @Test func aRenamedCategoryOrTeamIsOneLine() throws {
        let changed = try diff([
            "categories.yaml": try fixtureFile("categories.yaml", editing: "  name: Infrastructure", to: "  name: Platforms"),
            "teams.yaml": try fixtureFile("teams.yaml", editing: "  name: Desk Team", to: "  name: Service Desk"),
        ])
        #expect(changed.changes.isEmpty)
        #expect(changed.groups.map(\.message) == ["category infrastructure renamed: Infrastructure → Platforms",
                                                  "team desk-team renamed: Desk Team → Service Desk"])
        #expect(changed.groups.map(\.services) == [["hosting"], ["laptops"]])
        #expect(DiffReport(diff: changed).rendered(as: .text).contains("Changed (2):\n  - category infrastructure renamed"))
    }

    @Test func catalogueJSONFilesCompareLikeFolders() throws {
        let fixture = try FixtureCatalogue()
        defer { fixture.remove() }
        let catalogue = try fixture.load().catalogue
        let files = SiteRenderer(catalogue: catalogue, templates: try TemplateSet.load(), now: 0).render()
        let json = try #require(files.first { $0.path == "catalogue.json" })
        let fromFile = try CatalogueSnapshot(json: Data(json.bytes))
        let fromFolder = try CatalogueSnapshot(catalogues: [catalogue])
        #expect(fromFile.services == fromFolder.services)
        #expect(throws: DiffError.notACatalogue) { try CatalogueSnapshot(json: Data("{}".utf8)) }
    }
}

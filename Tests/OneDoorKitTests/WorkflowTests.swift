import Foundation
@testable import OneDoorKit
import Testing

@Suite struct ReviewScheduleTests {
    @Test func listsOverdueAndSoonDueServicesByTeam() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/desk/printing.md": serviceFile(["last_reviewed": "2025-05-20"]),
            "services/hosting.md": serviceFile(["name": "Hosting", "category": "infrastructure", "owner": "platform-team",
                                                "last_reviewed": "2025-06-20"]),
        ])
        defer { fixture.remove() }
        let schedule = ReviewSchedule(catalogue: try fixture.load().catalogue, today: Day("2026-06-01")!, within: 30)
        #expect(schedule.groups.map(\.team) == ["desk-team", "platform-team"])
        #expect(schedule.groups[0].items.map(\.service) == ["printing"])
        #expect(schedule.groups[0].items[0].daysLeft == -12)
        #expect(schedule.groups[1].items[0].daysLeft == 19)
        #expect(schedule.rendered(as: .text).contains("Desk Team <desk@example.test> — 1 service\n  overdue by 12 days: Printing"))
        let csv = schedule.rendered(as: .csv).split(separator: "\r\n")
        #expect(csv[0] == "team,team_name,team_email,service,service_name,file,last_reviewed,due,days_left")
        #expect(csv[1] == "desk-team,Desk Team,desk@example.test,printing,Printing,services/desk/printing.md,2025-05-20,2026-05-20,-12")
    }

    @Test func nothingDueSaysSo() throws {
        let fixture = try FixtureCatalogue()
        defer { fixture.remove() }
        let schedule = ReviewSchedule(catalogue: try fixture.load().catalogue, today: Day("2026-06-01")!, within: 30)
        #expect(schedule.rendered(as: .text) == "No service is due for review.\n")
    }
}

@Suite struct ScaffoldTests {
    @Test func aNewServiceIsValidAndInItsCategoryFolder() throws {
        let fixture = try FixtureCatalogue()
        defer { fixture.remove() }
        let path = try ServiceScaffold(id: "remote-access", category: "desk", owner: "desk-team", supportModel: nil)
            .create(in: fixture.folder, catalogue: try fixture.load().catalogue, today: FixtureCatalogue.today)
        #expect(path == "services/desk/remote-access.md")
        // Valid, with a reminder to replace the text it was written with.
        let findings = try fixture.check()
        #expect(findings.map(\.rule) == [.placeholderText, .placeholderText])
        #expect(findings.map(\.location.line) == [3, 13])
        #expect(!findings.hasErrors)
        let service = try #require(try fixture.load().catalogue.services.first { $0.id == "remote-access" })
        #expect(service.name == "Remote Access")
        #expect(service.lastReviewed.value == FixtureCatalogue.today)
        #expect(service.supportModel.value == "standard")
    }

    @Test(arguments: [
        ("Remote Access", "desk", "desk-team", "'Remote Access' is not a valid id"),
        ("laptops", "desk", "desk-team", "the service id 'laptops' is already used at services/desk/laptops.md"),
        ("remote-access", "dsk", "desk-team", "unknown category 'dsk' (did you mean 'desk'?)"),
        ("remote-access", "desk", "nobody", "unknown team 'nobody'; use an id defined in teams.yaml"),
    ])
    func badArgumentsAreRefusedWithCheckMessages(_ id: String, _ category: String, _ owner: String, _ message: String) throws {
        let fixture = try FixtureCatalogue()
        defer { fixture.remove() }
        #expect {
            try ServiceScaffold(id: id, category: category, owner: owner, supportModel: nil)
                .create(in: fixture.folder, catalogue: try fixture.load().catalogue, today: FixtureCatalogue.today)
        } throws: { error in
            (error as? ScaffoldError)?.message.hasPrefix(message) == true
        }
    }

    @Test func theStarterCatalogueIsCleanAndRefusesAFullFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onedoor-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try StarterCatalogue.write(to: folder, today: FixtureCatalogue.today)
        #expect(files.contains("catalogue.yaml"))
        let checked = try Pipeline(folder: folder, today: FixtureCatalogue.today).check()
        #expect(checked.findings == [])
        #expect(checked.catalogue.services.count == 2)
        #expect(throws: ScaffoldError.self) { try StarterCatalogue.write(to: folder, today: FixtureCatalogue.today) }
    }
}

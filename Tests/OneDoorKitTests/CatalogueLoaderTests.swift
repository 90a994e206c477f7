import Foundation
import OneDoorKit
import Testing

@Suite struct CatalogueLoaderTests {
    @Test func readsEveryKindOfEntry() throws {
        let fixture = try FixtureCatalogue()
        defer { fixture.remove() }
        let catalogue = try fixture.load().catalogue
        #expect(catalogue.settings.title == "Test Catalogue")
        #expect(catalogue.settings.language == "en")
        #expect(catalogue.settings.priorities.map(\.id) == ["p1", "p2"])
        #expect(catalogue.categories.map(\.id) == ["technology", "desk", "infrastructure"])
        #expect(catalogue.teams.map(\.id) == ["desk-team", "platform-team"])
        let model = try #require(catalogue.supportModels.first)
        #expect(model.channels.map(\.kind) == [.phone, .portal])
        #expect(model.targets.map(\.resolve) == [Duration(amount: 4, unit: .workingHours), Duration(amount: 2, unit: .workingDays)])
        #expect(catalogue.services.map(\.id) == ["hosting", "laptops"])
        let laptops = catalogue.services[1]
        #expect(laptops.file == "services/desk/laptops.md")
        #expect(laptops.dependsOn.map(\.value) == ["hosting"])
        #expect(laptops.bodyLine == 13)
        #expect(laptops.lastReviewed.value == Day("2026-05-01"))
        #expect(catalogue.fileCount == 6)
    }

    @Test func valuesAreReadAsTheFieldExpectsNotAsYAMLGuesses() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/desk/printing.md": serviceFile(["name": "No", "summary": "On", "cost": "0x10", "keywords": "[yes, 1.0, null]"]),
        ])
        defer { fixture.remove() }
        let service = try #require(try fixture.load().catalogue.services.first { $0.id == "printing" })
        #expect(service.name == "No")
        #expect(service.summary.value == "On")
        #expect(service.cost == "0x10")
        #expect(service.keywords == ["yes", "1.0", "null"])
    }

    @Test func acceptsByteOrderMarksCRLFAndTrailingWhitespace() throws {
        let text = "\u{FEFF}" + serviceFile(["name": "Printing   "]).replacingOccurrences(of: "\n", with: "\r\n")
        let fixture = try FixtureCatalogue(files: ["services/desk/printing.md": text])
        defer { fixture.remove() }
        #expect(try fixture.check() == [])
        #expect(try fixture.load().catalogue.services.first { $0.id == "printing" }?.name == "Printing")
    }

    @Test func reportsTheFirstByteThatIsNotUTF8() throws {
        let fixture = try FixtureCatalogue()
        defer { fixture.remove() }
        try fixture.write("services/desk/latin.md", Data("---\nname: Caf".utf8) + Data([0xE9]) + Data("\n".utf8))
        let finding = try #require(try fixture.check().first)
        #expect(finding.description == "services/desk/latin.md:2:10: error: the file is not valid UTF-8; save it as UTF-8 in your editor")
    }

    @Test func saysAnExportSavedAsUTF16IsNotUTF8() throws {
        let fixture = try FixtureCatalogue()
        defer { fixture.remove() }
        try fixture.write("performance/2026.csv", Data([0xFF, 0xFE]) + Data("period".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        let finding = try #require(try fixture.check().first)
        #expect(finding.description == "performance/2026.csv:1:1: error: the file is UTF-16, not UTF-8; save it as 'CSV UTF-8' from a spreadsheet")
    }

    @Test func ignoresHiddenFilesAndFilesThatAreNotMarkdown() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/.drafts/secret.md": "not a service",
            "services/.notes.md": "not a service",
            "services/readme.txt": "not a service",
        ])
        defer { fixture.remove() }
        #expect(try fixture.check() == [])
    }

    @Test func aFolderThatDoesNotExistCannotBeLoaded() {
        #expect(throws: LoadError.folderNotFound("/no/such/catalogue")) {
            try CatalogueLoader(folder: URL(fileURLWithPath: "/no/such/catalogue")).load()
        }
    }

    @Test func aServicesFolderIsOptional() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/desk/laptops.md": nil, "services/hosting.md": nil,
        ])
        defer { fixture.remove() }
        #expect(try fixture.load().catalogue.services.isEmpty)
    }
}

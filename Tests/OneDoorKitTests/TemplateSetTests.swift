import Foundation
@testable import OneDoorKit
import Testing

@Suite struct TemplateSetTests {
    @Test func theBuiltInListMatchesTheSiteTemplatesFolder() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("site-templates")
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        let onDisk = (enumerator.allObjects as! [String]).filter { $0.hasSuffix(".mustache") || $0.hasPrefix("assets/") }
        #expect(Set(onDisk) == Set(TemplateSet.builtIn.map(\.name)))
        for (name, bytes) in TemplateSet.builtIn {
            #expect(FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) == Data(bytes), "\(name)")
        }
    }

    @Test func aTemplateOfTheSameNameReplacesTheBuiltInOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onedoor-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("assets"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<h1>Welcome to {{site.title}}</h1>".utf8).write(to: folder.appendingPathComponent("home.mustache"))
        try Data("body { color: red }".utf8).write(to: folder.appendingPathComponent("assets/extra.css"))
        let templates = try TemplateSet.load(overrides: folder)
        let fixture = try FixtureCatalogue()
        defer { fixture.remove() }
        let files = SiteRenderer(catalogue: try fixture.load().catalogue, templates: templates, now: 0).render()
        let home = try #require(files.first { $0.path == "index.html" }).text
        #expect(home.contains("<h1>Welcome to Test Catalogue</h1>"))
        #expect(home.contains("<!DOCTYPE html>"))  // the layout is still the built-in one
        #expect(files.contains { $0.path == "assets/extra.css" })
        #expect(files.contains { $0.path == "assets/onedoor.css" })
    }

    @Test func theIDsTheTemplatesWriteAsTheyAreAreKnown() throws {
        #expect(TemplateSet.ids(in: ##"<h2 id="support">Help</h2><p id="x-{{id}}"> <a href="#main" id="">"##) == ["support", ""])
        let fixed = try TemplateSet.load().fixedIDs
        #expect(fixed.isSuperset(of: ["main", "support", "targets", "search-results"]))
        #expect(!fixed.contains { $0.contains("{{") })
    }

    @Test func aBrokenTemplateIsReportedWithItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onedoor-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<p>\n{{#services}}\n<li>{{name}}</li>\n".utf8).write(to: folder.appendingPathComponent("team.mustache"))
        #expect(throws: TemplateError.self) { try TemplateSet.load(overrides: folder) }
        do {
            _ = try TemplateSet.load(overrides: folder)
        } catch {
            #expect(error.location.file.hasSuffix("team.mustache"))
            #expect(error.location.line >= 2)
        }
    }

    @Test func aPartialThatDoesNotExistIsReportedWhereItIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onedoor-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<p>\n  {{> team-card}}\n".utf8).write(to: folder.appendingPathComponent("team.mustache"))
        do {
            _ = try TemplateSet.load(overrides: folder)
            Issue.record("a missing partial was accepted")
        } catch {
            #expect(error.location.file.hasSuffix("team.mustache") && error.location.line == 2 && error.location.column == 3)
            #expect(error.message.contains("no template named `team-card`"))
        }
    }
}

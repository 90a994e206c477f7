import Foundation
@testable import OneDoorKit
import Testing

@Suite struct PreviewSessionTests {
    /// A copy of the example catalogue, whose services name each other in many ways.
    private func exampleCatalogue() throws -> URL {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("catalogue")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onedoor-session-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: folder)
        return folder
    }

    private func fullBuild(of folder: URL) throws -> [String: OutputFile] {
        let catalogue = try CatalogueLoader(folder: folder).load().catalogue
        let files = SiteRenderer(catalogue: catalogue, templates: try TemplateSet.load()).render()
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
    }

    private func edit(_ folder: URL, _ path: String, _ change: (String) -> String) throws {
        let url = folder.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(change(text).utf8).write(to: url)
    }

    private func assertSame(_ outcome: PreviewSession.Outcome, _ expected: [String: OutputFile]) {
        guard case let .success(files) = outcome.result else {
            Issue.record("the build failed: \(outcome.result)")
            return
        }
        #expect(Set(files.keys) == Set(expected.keys))
        for (path, file) in expected where files[path] != file {
            Issue.record("\(path) differs from a full build")
        }
    }

    @Test func editingServicesRendersOnlyWhatTheyShowOnAndMatchesAFullBuild() throws {
        let folder = try exampleCatalogue()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watcher = SourceWatcher(folders: [folder])
        var session = PreviewSession(catalogueFolder: folder, templatesFolder: nil, today: Day("2026-12-01")!)
        let first = session.build(fingerprint: watcher.fingerprint())
        #expect(!first.wasIncremental)
        assertSame(first, try fullBuild(of: folder))

        // A new name and summary, a new dependency, and words no other service has.
        try edit(folder, "services/communications-and-collaboration/email.md") { text in
            text.replacing("name: Email\n", with: "name: Email and Calendars\n")
                .replacing("summary: \"Mailboxes", with: "summary: \"Quokka mailboxes")
                .replacing("depends_on: [", with: "depends_on: [network-accounts, ")
                + "\nZanzibar xylophones are not supported.\n"
        }
        let second = session.build(fingerprint: watcher.fingerprint())
        #expect(second.wasIncremental)
        #expect(second.renderedCount * 4 < (try? second.result.get().count) ?? 0)
        assertSame(second, try fullBuild(of: folder))

        // Words removed from the description again, so that some leave the index: no list shows the
        // description, so only the service's own page, search files and catalogue.json change.
        try edit(folder, "services/communications-and-collaboration/email.md") { text in
            text.replacing("\nZanzibar xylophones are not supported.\n", with: "")
        }
        let third = session.build(fingerprint: watcher.fingerprint())
        #expect(third.wasIncremental && third.renderedCount <= 5)
        assertSame(third, try fullBuild(of: folder))

        // A dependency dropped: the pages of both services, and who uses what, change.
        try edit(folder, "services/communications-and-collaboration/email.md") { $0.replacing("depends_on: [network-accounts, ", with: "depends_on: [") }
        let fourth = session.build(fingerprint: watcher.fingerprint())
        #expect(fourth.wasIncremental)
        assertSame(fourth, try fullBuild(of: folder))
    }

    @Test func aBrokenEditIsReportedAndItsFixBuildsAsAFullBuildWould() throws {
        let folder = try exampleCatalogue()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watcher = SourceWatcher(folders: [folder])
        var session = PreviewSession(catalogueFolder: folder, templatesFolder: nil, today: Day("2026-12-01")!)
        _ = session.build(fingerprint: watcher.fingerprint())
        try edit(folder, "services/communications-and-collaboration/email.md") { $0.replacing("status: live", with: "status: active") }
        let broken = session.build(fingerprint: watcher.fingerprint())
        guard case let .failure(failure) = broken.result else {
            Issue.record("a broken edit was published")
            return
        }
        #expect(failure.messages.contains { $0.contains("email.md:") && $0.contains("active") })
        try edit(folder, "services/communications-and-collaboration/email.md") { $0.replacing("status: active", with: "status: pipeline") }
        let fixed = session.build(fingerprint: watcher.fingerprint())
        #expect(fixed.wasIncremental)
        assertSame(fixed, try fullBuild(of: folder))
    }

    @Test func addingAFileBuildsEverything() throws {
        let folder = try exampleCatalogue()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watcher = SourceWatcher(folders: [folder])
        var session = PreviewSession(catalogueFolder: folder, templatesFolder: nil, today: Day("2026-12-01")!)
        _ = session.build(fingerprint: watcher.fingerprint())
        let email = folder.appendingPathComponent("services/communications-and-collaboration/email.md")
        try FileManager.default.copyItem(at: email, to: email.deletingLastPathComponent().appendingPathComponent("email-two.md"))
        let outcome = session.build(fingerprint: watcher.fingerprint())
        #expect(!outcome.wasIncremental)
        assertSame(outcome, try fullBuild(of: folder))
    }
}

import Foundation
@testable import OneDoorKit
import Testing

/// An incremental build on a copy of the example catalogue, whose services name each other in many ways.
private struct Preview {
    static let email = "services/communications-and-collaboration/email.md"
    let folder: URL
    let watcher: SourceWatcher
    var session = IncrementalBuild()
    let pipeline: Pipeline

    init() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("catalogue")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("onedoor-session-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: folder)
        watcher = SourceWatcher(folders: [folder])
        pipeline = Pipeline(folder: folder, today: Day("2026-12-01")!)
    }

    mutating func build() -> IncrementalBuild.Outcome {
        session.build(pipeline, fingerprint: watcher.fingerprint(), root: folder.standardizedFileURL.path + "/")
    }

    /// A build at another moment of the same day, as `serve` makes each build at its own time.
    mutating func build(atMinute minute: Int) -> IncrementalBuild.Outcome {
        let later = Pipeline(folder: folder, today: pipeline.today, now: pipeline.now + minute * 60)
        return session.build(later, fingerprint: watcher.fingerprint(), root: folder.standardizedFileURL.path + "/")
    }

    /// What a full build at that moment gives.
    func fullBuild(atMinute minute: Int) throws -> [String: OutputFile] {
        let output = OutputFiles()
        _ = try Pipeline(folder: folder, today: pipeline.today, now: pipeline.now + minute * 60).build(into: output)
        return Dictionary(uniqueKeysWithValues: output.files.map { ($0.path, $0) })
    }

    func edit(_ path: String = Preview.email, _ change: (String) -> String) throws {
        let url = folder.appendingPathComponent(path)
        try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
    }

    /// What a full build of the sources as they are now gives.
    func fullBuild() throws -> [String: OutputFile] {
        let files = OutputFiles()
        _ = try pipeline.build(into: files)
        return Dictionary(uniqueKeysWithValues: files.files.map { ($0.path, $0) })
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

@Suite struct IncrementalBuildTests {
    private func assertSame(_ outcome: IncrementalBuild.Outcome, _ expected: [String: OutputFile]) {
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
        var preview = try Preview()
        defer { preview.remove() }
        let first = preview.build()
        #expect(!first.wasIncremental)
        assertSame(first, try preview.fullBuild())

        // A new name and summary, a new dependency, and words no other service has.
        try preview.edit { text in
            text.edited("name: Email\n", to: "name: Email and Calendars\n")
                .edited("summary: \"Mailboxes", to: "summary: \"Quokka mailboxes")
                .edited("depends_on: [", to: "depends_on: [network-accounts, ")
                + "\nZanzibar xylophones are not supported.\n"
        }
        let second = preview.build()
        #expect(second.wasIncremental)
        // The pages of services two levels away draw the renamed service, and the notices' pages name it.
        #expect(second.renderedCount * 3 < (try? second.result.get().count) ?? 0, "rendered \(second.renderedCount)")
        assertSame(second, try preview.fullBuild())

        // Words removed from the description again, so that some leave the index: no list shows the
        // description, so only the service's own page, search files and catalogue.json change.
        try preview.edit { $0.edited("\nZanzibar xylophones are not supported.\n", to: "") }
        let third = preview.build()
        #expect(third.wasIncremental && third.renderedCount <= 5)
        assertSame(third, try preview.fullBuild())

        // A dependency dropped: the pages of both services and of their neighbours two levels away (which
        // draw them), the notices' pages, and who uses what, change.
        try preview.edit { $0.edited("depends_on: [network-accounts, ", to: "depends_on: [") }
        let fourth = preview.build()
        #expect(fourth.wasIncremental && fourth.renderedCount < 20, "rendered \(fourth.renderedCount)")
        assertSame(fourth, try preview.fullBuild())

        // Another support model: both models' pages list the service differently.
        try preview.edit { $0.edited("support_model: critical-24x7", to: "support_model: service-desk-business-hours") }
        let fifth = preview.build()
        #expect(fifth.wasIncremental)
        assertSame(fifth, try preview.fullBuild())
    }

    @Test func aBrokenEditIsReportedAndItsFixBuildsAsAFullBuildWould() throws {
        var preview = try Preview()
        defer { preview.remove() }
        _ = preview.build()
        try preview.edit { $0.edited("status: live", to: "status: active") }
        guard case let .failure(failure) = preview.build().result else {
            Issue.record("a broken edit was published")
            return
        }
        #expect(failure.messages.contains { $0.contains("email.md:") && $0.contains("active") })
        try preview.edit { $0.edited("status: active", to: "status: pipeline") }
        let fixed = preview.build()
        #expect(fixed.wasIncremental)
        assertSame(fixed, try preview.fullBuild())
    }

    @Test func aLaterTimeIsAWholeBuildOnlyWhereNoticesAre() throws {
        var preview = try Preview()
        defer { preview.remove() }
        _ = preview.build(atMinute: 0)
        // The example catalogue has notices: a later time may change which are current, and the pages say it.
        try preview.edit { $0.edited("name: Email\n", to: "name: Electronic Mail\n") }
        let later = preview.build(atMinute: 5)
        #expect(!later.wasIncremental)
        assertSame(later, try preview.fullBuild(atMinute: 5))
        // Without notices the time shows nowhere, and an edit stays an incremental build.
        for notice in try FileManager.default.contentsOfDirectory(atPath: preview.folder.appendingPathComponent("notices").path) {
            try FileManager.default.removeItem(at: preview.folder.appendingPathComponent("notices/\(notice)"))
        }
        _ = preview.build(atMinute: 6)
        try preview.edit { $0.edited("name: Electronic Mail\n", to: "name: Email\n") }
        let quiet = preview.build(atMinute: 9)
        #expect(quiet.wasIncremental)
        assertSame(quiet, try preview.fullBuild(atMinute: 9))
    }

    @Test func addingAFileBuildsEverything() throws {
        var preview = try Preview()
        defer { preview.remove() }
        _ = preview.build()
        let email = preview.folder.appendingPathComponent(Preview.email)
        try FileManager.default.copyItem(at: email, to: email.deletingLastPathComponent().appendingPathComponent("email-two.md"))
        let outcome = preview.build()
        #expect(!outcome.wasIncremental)
        assertSame(outcome, try preview.fullBuild())
    }
}

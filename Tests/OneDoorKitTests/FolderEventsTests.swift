import Foundation
@testable import OneDoorKit
import Testing

#if os(Linux)
@Suite struct FolderEventsTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onedoor-events-\(UUID().uuidString)")

    private func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func path(_ relative: String) -> String {
        folder.appendingPathComponent(relative).path
    }

    @Test func aSaveAnywhereUnderTheFolderIsReportedOnceWithItsPath() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("services/deep/a.md", "a")
        try write("catalogue.yaml", "title: T")
        let events = try #require(FolderEvents(folders: [folder.path]))
        #expect(events.report() == .nothing)

        try write("services/deep/a.md", "edited")
        try write("catalogue.yaml", "title: U")
        #expect(events.report() == .files([path("services/deep/a.md"), path("catalogue.yaml")]))
        #expect(events.report() == .nothing)

        try FileManager.default.removeItem(at: folder.appendingPathComponent("services/deep/a.md"))
        #expect(events.report() == .files([path("services/deep/a.md")]))
    }

    @Test func aSaveByRenameNamesBothFiles() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("services/a.md", "a")
        let events = try #require(FolderEvents(folders: [folder.path]))
        try write("services/a.md.tmp", "edited")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("services/a.md"))
        try FileManager.default.moveItem(at: folder.appendingPathComponent("services/a.md.tmp"), to: folder.appendingPathComponent("services/a.md"))
        #expect(events.report() == .files([path("services/a.md.tmp"), path("services/a.md")]))
    }

    @Test func aFolderMadeWhileWatchingCallsForALookAtEverythingAndIsWatchedFromThen() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("services/a.md", "a")
        let events = try #require(FolderEvents(folders: [folder.path]))

        try FileManager.default.createDirectory(at: folder.appendingPathComponent("services/new"), withIntermediateDirectories: false)
        #expect(events.report() == .everything)
        try write("services/new/b.md", "b")
        #expect(events.report() == .files([path("services/new/b.md")]))
    }

    @Test func aFolderThatIsNotThereIsNoFailure() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("catalogue.yaml", "title: T")
        let events = try #require(FolderEvents(folders: [folder.path, path("missing")]))
        try write("catalogue.yaml", "title: U")
        #expect(events.report() == .files([path("catalogue.yaml")]))
    }
}
#endif

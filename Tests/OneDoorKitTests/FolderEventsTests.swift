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

    @Test func aSaveAnywhereUnderTheFolderIsReportedOnce() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("services/deep/a.md", "a")
        let events = try #require(FolderEvents(folders: [folder.path]))
        #expect(!events.changeReported())

        try write("services/deep/a.md", "edited")
        #expect(events.changeReported())
        #expect(!events.changeReported())

        try FileManager.default.removeItem(at: folder.appendingPathComponent("services/deep/a.md"))
        #expect(events.changeReported())
    }

    @Test func aFolderMadeWhileWatchingIsWatchedToo() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("services/a.md", "a")
        let events = try #require(FolderEvents(folders: [folder.path]))

        try FileManager.default.createDirectory(at: folder.appendingPathComponent("services/new"), withIntermediateDirectories: false)
        #expect(events.changeReported())
        try write("services/new/b.md", "b")
        #expect(events.changeReported())
    }

    @Test func aFolderThatIsNotThereIsNoFailure() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("catalogue.yaml", "title: T")
        let events = try #require(FolderEvents(folders: [folder.path, folder.appendingPathComponent("missing").path]))
        try write("catalogue.yaml", "title: U")
        #expect(events.changeReported())
    }
}
#endif

import Foundation
@testable import OneDoorKit
import Testing

#if os(Linux)
@Suite struct FolderEventsTests {
    private let folder = ScratchFolder()

    @Test func aSaveAnywhereUnderTheFolderIsReportedOnceWithItsPath() throws {
        defer { folder.remove() }
        try folder.write("services/deep/a.md", "a")
        try folder.write("catalogue.yaml", "title: T")
        let events = try #require(FolderEvents(folders: [folder.url.path]))
        #expect(events.report() == .nothing)

        try folder.write("services/deep/a.md", "edited")
        try folder.write("catalogue.yaml", "title: U")
        #expect(events.report() == .files([folder.path("services/deep/a.md"), folder.path("catalogue.yaml")]))
        #expect(events.report() == .nothing)

        try FileManager.default.removeItem(atPath: folder.path("services/deep/a.md"))
        #expect(events.report() == .files([folder.path("services/deep/a.md")]))
    }

    @Test func aSaveByRenameNamesBothFiles() throws {
        defer { folder.remove() }
        try folder.write("services/a.md", "a")
        let events = try #require(FolderEvents(folders: [folder.url.path]))
        try folder.write("services/a.md.tmp", "edited")
        try FileManager.default.removeItem(atPath: folder.path("services/a.md"))
        try FileManager.default.moveItem(atPath: folder.path("services/a.md.tmp"), toPath: folder.path("services/a.md"))
        #expect(events.report() == .files([folder.path("services/a.md.tmp"), folder.path("services/a.md")]))
    }

    @Test func aFolderMadeWhileWatchingCallsForALookAtEverythingAndIsWatchedFromThen() throws {
        defer { folder.remove() }
        try folder.write("services/a.md", "a")
        let events = try #require(FolderEvents(folders: [folder.url.path]))

        try FileManager.default.createDirectory(atPath: folder.path("services/new"), withIntermediateDirectories: false)
        #expect(events.report() == .everything)
        try folder.write("services/new/b.md", "b")
        #expect(events.report() == .files([folder.path("services/new/b.md")]))
    }

    @Test func aFolderThatIsNotThereIsNoFailure() throws {
        defer { folder.remove() }
        try folder.write("catalogue.yaml", "title: T")
        let events = try #require(FolderEvents(folders: [folder.url.path, folder.path("missing")]))
        try folder.write("catalogue.yaml", "title: U")
        #expect(events.report() == .files([folder.path("catalogue.yaml")]))
    }
}
#endif

import Foundation
@testable import OneDoorKit
import Testing

@Suite struct SourceWatcherTests {
    private let folder = ScratchFolder()

    @Test func aChangeIsAnsweredWithWhatALookAtEverythingWouldFind() async throws {
        defer { folder.remove() }
        try folder.write("services/a.md", "a")
        try folder.write("services/b.md", "b")
        let watcher = SourceWatcher(folders: [folder.url])
        let before = watcher.fingerprint()
        // One saved by rename, one removed, and a backup and a hidden file written, which do not count.
        try folder.write("services/a.md.tmp", "edited")
        try FileManager.default.removeItem(atPath: folder.path("services/a.md"))
        try FileManager.default.moveItem(atPath: folder.path("services/a.md.tmp"), toPath: folder.path("services/a.md"))
        try FileManager.default.removeItem(atPath: folder.path("services/b.md"))
        try folder.write("services/a.md~", "backup")
        try folder.write("services/.a.md.swp", "swap")
        let now = try await watcher.change(from: before)
        #expect(now == watcher.fingerprint())
        #expect(now.count == 1 && now != before)
    }

    @Test func aNewFileIsAChange() async throws {
        defer { folder.remove() }
        try folder.write("services/a.md", "a")
        let watcher = SourceWatcher(folders: [folder.url])
        #if os(Linux)
        #expect(watcher.hearsOfChanges)
        #endif
        let before = watcher.fingerprint()
        try folder.write("services/b.md", "b")
        let now = try await watcher.change(from: before)
        #expect(Set(now.keys) == Set(before.keys).union([folder.path("services/b.md")]))
    }
}

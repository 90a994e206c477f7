import Foundation
@testable import OneDoorKit
import Testing

@Suite struct SourceWatcherTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onedoor-watcher-\(UUID().uuidString)")

    private func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func theFingerprintLeavesOutHiddenFilesAndBackups() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("services/a.md", "a")
        try write("services/.a.md.swp", "swap")
        try write("services/a.md~", "backup")
        let watcher = SourceWatcher(folders: [folder])
        #expect(watcher.fingerprint().keys.map { String($0.dropFirst(folder.path.count)) } == ["/services/a.md"])
    }

    @Test func aChangeIsAnsweredWithWhatALookAtEverythingWouldFind() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("services/a.md", "a")
        try write("services/b.md", "b")
        let watcher = SourceWatcher(folders: [folder])
        let before = watcher.fingerprint()
        async let after = watcher.change(from: before)
        try await Task.sleep(for: .milliseconds(100))
        // One saved by rename, one removed, and a backup and a hidden file written, which do not count.
        try write("services/a.md.tmp", "edited")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("services/a.md"))
        try FileManager.default.moveItem(at: folder.appendingPathComponent("services/a.md.tmp"), to: folder.appendingPathComponent("services/a.md"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("services/b.md"))
        try write("services/a.md~", "backup")
        try write("services/.a.md.swp", "swap")
        let now = try await after
        #expect(now == watcher.fingerprint())
        #expect(now.count == 1 && now != before)
    }

    @Test func aChangeIsAnsweredWithWhatTheFoldersHoldThen() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("services/a.md", "a")
        let watcher = SourceWatcher(folders: [folder])
        #if os(Linux)
        #expect(watcher.hearsOfChanges)
        #endif
        let before = watcher.fingerprint()
        async let after = watcher.change(from: before)
        try await Task.sleep(for: .milliseconds(100))
        try write("services/b.md", "b")
        let now = try await after
        #expect(Set(now.keys) == Set(before.keys).union([folder.appendingPathComponent("services/b.md").path]))
    }
}

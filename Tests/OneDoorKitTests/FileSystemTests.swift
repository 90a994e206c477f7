import Foundation
@testable import OneDoorKit
import Testing

@Suite struct FileSystemTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onedoor-fs-\(UUID().uuidString)")

    private func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func listingSkipsHiddenFilesAndFoldersAndMarksLinks() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("services/a.md", "a")
        try write("services/deep/b.md", "b")
        try write("services/notes.txt", "not a service")
        try write("services/.draft.md", "hidden")
        try write("services/.git/c.md", "hidden folder")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("services/link.md").path,
                                                   withDestinationPath: folder.appendingPathComponent("services/a.md").path)
        let entries = FileSystem.list(folder.appendingPathComponent("services").path, prefix: "services") { $0.hasSuffix(".md") }
        #expect(entries.map(\.path).sorted() == ["services/a.md", "services/deep/b.md", "services/link.md"])
        #expect(entries.filter(\.isSymbolicLink).map(\.path) == ["services/link.md"])
    }

    @Test func aNameThatIsNotUTF8IsListedAsInvalid() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name: [UInt8] = Array("bad-".utf8) + [0xFF] + Array(".md".utf8)
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(descriptor >= 0)
        close(descriptor)
        let entries = FileSystem.list(folder.path, prefix: "services") { $0.hasSuffix(".md") }
        #expect(entries.count == 1 && !entries[0].hasValidName)
    }

    @Test func readingRefusesAFileOverTheLimitBeforeReadingIt() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("small.md", "twelve bytes")
        let path = folder.appendingPathComponent("small.md").path
        guard case let .success(data) = FileSystem.contents(of: path, limit: 12) else { Issue.record("not read"); return }
        #expect(String(decoding: data, as: UTF8.self) == "twelve bytes")
        guard case .failure(.tooLarge(size: 12)) = FileSystem.contents(of: path, limit: 11) else { Issue.record("not refused"); return }
        guard case .failure(.missing) = FileSystem.contents(of: folder.path, limit: 100) else { Issue.record("a folder was read"); return }
        guard case .failure(.missing) = FileSystem.contents(of: path + ".gone", limit: 100) else { Issue.record("nothing was read"); return }
    }

    @Test func aNamedPipeIsRefusedRatherThanWaitedOn() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pipe = folder.appendingPathComponent("pipe.md").path
        #expect(mkfifo(pipe, 0o644) == 0)
        guard case .failure(.missing) = FileSystem.contents(of: pipe, limit: 100) else { Issue.record("the pipe was read"); return }
    }

    @Test func savingWritesThePartsInOrder() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("out.json").path
        try FileSystem.save(parts: { emit in ["[", "1,", "2", "]"].forEach { emit(Array($0.utf8)) } }, to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("[1,2]".utf8))
        #expect(throws: WriteError.self) { try FileSystem.save([1], to: folder.appendingPathComponent("missing/out").path) }
    }

    @Test func filesAreComparedByTheirBytes() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = String(repeating: "0123456789", count: 20_000)  // more than one block
        try write("a", big)
        try write("b", big)
        try write("c", String(big.dropLast()) + "x")
        try write("d", big + "x")
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        #expect(FileSystem.sameContents(path("a"), path("b")))
        #expect(!FileSystem.sameContents(path("a"), path("c")))
        #expect(!FileSystem.sameContents(path("a"), path("d")))
        #expect(!FileSystem.sameContents(path("a"), path("missing")))
    }

    @Test func stampsChangeWithAFileButNotWithSwapFiles() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("services/a.md", "a")
        let before = FileSystem.stamps(under: folder.path)
        try write("services/.a.md.swp", "swap")
        try write("services/a.md~", "backup")
        #expect(FileSystem.stamps(under: folder.path) == before)
        try write("services/a.md", "a changed")
        let after = FileSystem.stamps(under: folder.path)
        #expect(Set(after.keys) == Set(before.keys) && after != before)
    }
}

import Foundation
@testable import OneDoorKit
import Testing

@Suite struct FileSystemTests {
    private let folder = ScratchFolder()

    @Test func listingSkipsHiddenFilesAndFoldersAndMarksLinks() throws {
        defer { folder.remove() }
        try folder.write("services/a.md", "a")
        try folder.write("services/deep/b.md", "b")
        try folder.write("services/notes.txt", "not a service")
        try folder.write("services/.draft.md", "hidden")
        try folder.write("services/.git/c.md", "hidden folder")
        try FileManager.default.createSymbolicLink(atPath: folder.path("services/link.md"),
                                                   withDestinationPath: folder.path("services/a.md"))
        let entries = FileSystem.list(folder.path("services"), prefix: "services") { $0.hasSuffix(".md") }
        #expect(entries.map(\.path).sorted() == ["services/a.md", "services/deep/b.md", "services/link.md"])
        #expect(entries.filter(\.isSymbolicLink).map(\.path) == ["services/link.md"])
    }

    @Test func aNameThatIsNotUTF8IsListedAsInvalid() throws {
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let name: [UInt8] = Array("bad-".utf8) + [0xFF] + Array(".md".utf8)
        let path = Array(folder.url.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(descriptor >= 0)
        close(descriptor)
        let entries = FileSystem.list(folder.url.path, prefix: "services") { $0.hasSuffix(".md") }
        #expect(entries.count == 1 && !entries[0].hasValidName)
    }

    @Test func readingRefusesAFileOverTheLimitBeforeReadingIt() throws {
        defer { folder.remove() }
        try folder.write("small.md", "twelve bytes")
        let path = folder.path("small.md")
        guard case let .success(data) = FileSystem.contents(of: path, limit: 12) else { Issue.record("not read"); return }
        #expect(String(decoding: data, as: UTF8.self) == "twelve bytes")
        guard case .failure(.tooLarge(size: 12)) = FileSystem.contents(of: path, limit: 11) else { Issue.record("not refused"); return }
        guard case .failure(.missing) = FileSystem.contents(of: folder.url.path, limit: 100) else { Issue.record("a folder was read"); return }
        guard case .failure(.missing) = FileSystem.contents(of: path + ".gone", limit: 100) else { Issue.record("nothing was read"); return }
    }

    @Test func aNamedPipeIsRefusedRatherThanWaitedOn() throws {
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let pipe = folder.path("pipe.md")
        #expect(mkfifo(pipe, 0o644) == 0)
        guard case .failure(.missing) = FileSystem.contents(of: pipe, limit: 100) else { Issue.record("the pipe was read"); return }
    }

    @Test func savingWritesThePartsInOrder() throws {
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let path = folder.path("out.json")
        try FileSystem.save(parts: { emit in ["[", "1,", "2", "]"].forEach { emit(Array($0.utf8)) } }, to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("[1,2]".utf8))
        #expect(throws: WriteError.self) { try FileSystem.save([1], to: folder.path("missing/out")) }
    }

    @Test func filesAreComparedByTheirBytes() throws {
        defer { folder.remove() }
        let big = String(repeating: "0123456789", count: 20_000)  // more than one block
        try folder.write("a", big)
        try folder.write("b", big)
        try folder.write("c", String(big.dropLast()) + "x")
        try folder.write("d", big + "x")
        let path = folder.path
        #expect(FileSystem.sameContents(path("a"), path("b")))
        #expect(!FileSystem.sameContents(path("a"), path("c")))
        #expect(!FileSystem.sameContents(path("a"), path("d")))
        #expect(!FileSystem.sameContents(path("a"), path("missing")))
    }

    @Test func stampsChangeWithAFileButNotWithSwapFiles() throws {
        defer { folder.remove() }
        try folder.write("services/a.md", "a")
        let before = FileSystem.stamps(under: folder.url.path)
        try folder.write("services/.a.md.swp", "swap")
        try folder.write("services/a.md~", "backup")
        #expect(FileSystem.stamps(under: folder.url.path) == before)
        try folder.write("services/a.md", "a changed")
        let after = FileSystem.stamps(under: folder.url.path)
        #expect(Set(after.keys) == Set(before.keys) && after != before)
    }

    @Test func theFoldersUnderAFolderAreThoseStampsLooksInto() throws {
        defer { folder.remove() }
        try folder.write("services/deep/a.md", "a")
        try folder.write("services/.git/b.md", "hidden")
        try folder.write("services/old~/c.md", "backup")
        try FileManager.default.createSymbolicLink(atPath: folder.path("linked"), withDestinationPath: folder.path("services"))
        #expect(Set(FileSystem.folders(under: folder.url.path)) == [folder.url.path, folder.path("services"), folder.path("services/deep")])
    }
}

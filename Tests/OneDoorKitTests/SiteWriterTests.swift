import Foundation
import OneDoorKit
import Testing

@Suite struct SiteWriterTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("onedoor-writer-\(UUID().uuidString)")
    var catalogue: URL { root.appendingPathComponent("catalogue") }
    var site: URL { root.appendingPathComponent("site") }

    init() throws {
        try FileManager.default.createDirectory(at: catalogue, withIntermediateDirectories: true)
    }

    @Test func replacesThePreviousOutputWhole() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = SiteWriter(output: site, catalogueFolder: catalogue)
        try writer.write([OutputFile(path: "index.html", text: "one"), OutputFile(path: "old/page.html", text: "old")])
        try writer.write([OutputFile(path: "index.html", text: "two")])
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "two")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("old/page.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(leftovers == ["catalogue", "site"])
    }

    @Test func unchangedFilesKeepTheirIdentity() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = SiteWriter(output: site, catalogueFolder: catalogue)
        let files = { (changed: String) in
            [OutputFile(path: "same.html", text: "same"), OutputFile(path: "changed.html", text: changed), OutputFile(path: "empty.txt", text: "")]
        }
        try writer.write(files("one"))
        let inode = { (name: String) in
            try FileManager.default.attributesOfItem(atPath: self.site.appendingPathComponent(name).path)[.systemFileNumber] as? Int
        }
        let (same, changed, empty) = (try inode("same.html"), try inode("changed.html"), try inode("empty.txt"))
        try writer.write(files("two"))
        #expect(try inode("same.html") == same)
        #expect(try inode("empty.txt") == empty)
        #expect(try inode("changed.html") != changed)
        #expect(try String(contentsOf: site.appendingPathComponent("changed.html"), encoding: .utf8) == "two")
    }

    @Test func filesWrittenInPartsAreLinkedTooWhenUnchanged() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = SiteWriter(output: site, catalogueFolder: catalogue)
        let parts = { (texts: [String]) in
            { (sink: any OutputSink) in sink.write(path: "catalogue.json") { emit in texts.forEach { emit(Array($0.utf8)) } } }
        }
        let inode = { try FileManager.default.attributesOfItem(atPath: self.site.appendingPathComponent("catalogue.json").path)[.systemFileNumber] as? Int }
        #expect(try writer.write(parts(["{", "\"a\": 1", "}"])) == ["catalogue.json"])
        let first = try inode()
        _ = try writer.write(parts(["{\"a\"", ": 1}"]))
        #expect(try inode() == first)
        _ = try writer.write(parts(["{\"a\": 2}"]))
        #expect(try inode() != first)
        #expect(try String(contentsOf: site.appendingPathComponent("catalogue.json"), encoding: .utf8) == "{\"a\": 2}")
    }

    @Test func refusesFoldersItMustNeverReplace() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        for output in [URL(fileURLWithPath: "/"), catalogue, root] {
            #expect(throws: WriteError.self) { try SiteWriter(output: output, catalogueFolder: catalogue).validate() }
        }
    }

    @Test func refusesAFolderOfSomeoneElsesFiles() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let documents = root.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: documents.appendingPathComponent("thesis.txt"))
        #expect(throws: WriteError.foreignOutput(path: documents.path)) {
            try SiteWriter(output: documents, catalogueFolder: catalogue).write([OutputFile(path: "index.html", text: "x")])
        }
        #expect(FileManager.default.fileExists(atPath: documents.appendingPathComponent("thesis.txt").path))
    }

    @Test func aFailedWriteLeavesThePreviousOutputAsItWas() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = SiteWriter(output: site, catalogueFolder: catalogue)
        try writer.write([OutputFile(path: "index.html", text: "good")])
        // A file and a folder of the same name cannot both be written.
        #expect(throws: WriteError.self) {
            try writer.write([OutputFile(path: "a", text: "file"), OutputFile(path: "a/b.html", text: "inside")])
        }
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "good")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["catalogue", "site"])
    }
}

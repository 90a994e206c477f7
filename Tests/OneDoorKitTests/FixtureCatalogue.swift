import Foundation
import OneDoorKit

/// A copy of a fixture catalogue in a temporary folder, with some files replaced or added.
struct FixtureCatalogue {
    static let today = Day("2026-06-01")!

    let folder: URL

    /// Copies `Fixtures/NAME`, then writes `files` (path → contents) over it; a nil content deletes the file.
    init(_ name: String = "minimal", files: [String: String?] = [:]) throws {
        let source = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("onedoor-tests-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: folder)
        for (path, contents) in files {
            try write(path, contents.map { Data($0.utf8) })
        }
    }

    /// Writes raw bytes, for encodings a Swift string cannot hold.
    func write(_ path: String, _ data: Data?) throws {
        let url = folder.appendingPathComponent(path)
        guard let data else {
            try FileManager.default.removeItem(at: url)
            return
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// The pipeline every command runs, over this copy.
    func pipeline(today: Day = FixtureCatalogue.today) -> Pipeline {
        Pipeline(folder: folder, today: today)
    }

    func load() throws -> LoadedCatalogue {
        try pipeline().load()
    }

    /// Every finding of the loader and the checker.
    func check(today: Day = FixtureCatalogue.today) throws -> [Diagnostic] {
        try pipeline(today: today).check().findings
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// A valid service file, with `fields` replacing or adding front matter lines and `body` after it.
func serviceFile(_ fields: [String: String] = [:], body: String = "Text.\n") -> String {
    var lines: [(String, String)] = [
        ("name", "Printing"), ("summary", "Printers in every office."), ("category", "desk"), ("type", "business"),
        ("status", "live"), ("owner", "desk-team"), ("support_model", "standard"), ("last_reviewed", "2026-05-01"),
    ]
    for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
        if let index = lines.firstIndex(where: { $0.0 == key }) { lines[index].1 = value } else { lines.append((key, value)) }
    }
    let front = lines.filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)" }.joined(separator: "\n")
    return "---\n\(front)\n---\n\(body)"
}

/// A valid notice file (a current major incident on `hosting`), with `fields` replacing or adding front
/// matter lines (an empty value removes one) and `body` after it.
func noticeFile(_ fields: [String: String] = [:], body: String = "Applications cannot be reached.\n") -> String {
    var lines: [(String, String)] = [
        ("title", "Hosting unavailable"), ("kind", "incident"), ("severity", "major"), ("services", "[hosting]"),
        ("start", "2026-05-31 09:30"),
    ]
    for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
        if let index = lines.firstIndex(where: { $0.0 == key }) { lines[index].1 = value } else { lines.append((key, value)) }
    }
    let front = lines.filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)" }.joined(separator: "\n")
    return "---\n\(front)\n---\n\(body)"
}

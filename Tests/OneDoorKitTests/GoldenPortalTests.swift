import Foundation
@testable import OneDoorKit
import Testing

/// The whole portal of a small fixture, every byte of every file, against the copy recorded in
/// `Golden/`. After a change meant to alter the output, record it again and review the difference:
///
///     ONEDOOR_RECORD=1 swift test --filter GoldenPortalTests && git diff Tests/OneDoorKitTests/Golden
@Suite struct GoldenPortalTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test(arguments: ["minimal", "measured", "noticed"])
    func theFixtureBuildsTheRecordedPortal(_ fixture: String) throws {
        let files = try renderFixture(fixture)
        let folder = Self.golden.appendingPathComponent(fixture)
        if ProcessInfo.processInfo.environment["ONEDOOR_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: folder)
            for (path, file) in files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
            return
        }
        var recorded: Set<String> = []
        for case let path as String in FileManager.default.enumerator(atPath: folder.path)?.allObjects ?? [] {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                recorded.insert(path)
            }
        }
        let hint = "record again with ONEDOOR_RECORD=1 swift test --filter GoldenPortalTests, then review git diff"
        #expect(recorded == Set(files.keys), "files added or gone: \(recorded.symmetricDifference(files.keys).sorted()); \(hint)")
        for path in recorded.intersection(files.keys).sorted() {
            let expected = Array(try Data(contentsOf: folder.appendingPathComponent(path)))
            let built = files[path]!.bytes
            if expected != built { Issue.record("\(path): \(Self.firstDifference(expected, built)); \(hint)") }
        }
    }

    /// The first line that differs, as a reviewer would want to see it.
    static func firstDifference(_ expected: [UInt8], _ built: [UInt8]) -> String {
        let old = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let new = String(decoding: built, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for line in 0..<max(old.count, new.count) where line >= old.count || line >= new.count || old[line] != new[line] {
            let was = line < old.count ? String(old[line].prefix(200)) : "(end of file)"
            let now = line < new.count ? String(new[line].prefix(200)) : "(end of file)"
            return "line \(line + 1) was «\(was)», is now «\(now)»"
        }
        return "the bytes differ"
    }
}

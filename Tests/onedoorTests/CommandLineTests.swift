import Foundation
import Testing

/// Runs the built `onedoor` binary as a user or CI would, and returns its exit status and output.
func runOneDoor(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws
    -> (status: Int32, output: String, error: String) {
    let process = Process()
    // The test bundle and the tool are built into the same products folder.
    process.executableURL = Bundle.main.bundleURL.appendingPathComponent("onedoor")
    process.arguments = arguments
    process.currentDirectoryURL = folder ?? packageRoot
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A scratch copy of the example catalogue that a test may break.
func scratchCatalogue() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onedoor-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("catalogue"), to: folder.appendingPathComponent("catalogue"))
    return folder
}

/// 2026-11-23, so that the example catalogue's review dates are judged the same way every year.
let fixedDay = ["SOURCE_DATE_EPOCH": "1795392000"]

@Suite struct CheckCommandTests {
    @Test func theExampleCatalogueIsCleanAndPrintsOnlyItsSummary() throws {
        let result = try runOneDoor(["check", "--strict"], environment: fixedDay)
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("0 errors, 0 warnings in "))
        #expect(result.output.split(separator: "\n").count == 1)
    }

    @Test func aBrokenCatalogueExitsWithOneAndPointsAtTheLine() throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let email = root.appendingPathComponent("catalogue/services/communications-and-collaboration/email.md")
        let text = try String(contentsOf: email, encoding: .utf8)
            .replacingOccurrences(of: "category: communications-and-collaboration", with: "category: communications")
        try text.write(to: email, atomically: true, encoding: .utf8)

        let result = try runOneDoor(["check", "catalogue"], in: root, environment: fixedDay)
        #expect(result.status == 1)
        #expect(result.output.contains("services/communications-and-collaboration/email.md:4:11: error: unknown category 'communications'"))
        #expect(result.output.hasSuffix("1 error, 0 warnings in 61 files\n"))

        let github = try runOneDoor(["check", "catalogue", "--format", "github"], in: root, environment: fixedDay)
        #expect(github.output.hasPrefix("::error file=catalogue/services/communications-and-collaboration/email.md,line=4,col=11,"))

        let json = try runOneDoor(["check", "catalogue", "--format", "json"], in: root, environment: fixedDay)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]]
        #expect(parsed?.first?["rule"] as? String == "unknown-reference")
    }

    @Test func warningsFailOnlyUnderStrict() throws {
        let late = ["SOURCE_DATE_EPOCH": "1900000000"]  // 2030: every review is overdue
        #expect(try runOneDoor(["check"], environment: late).status == 0)
        let strict = try runOneDoor(["check", "--strict"], environment: late)
        #expect(strict.status == 1)
        #expect(strict.output.contains(": error: service 'email' was last reviewed on 2026-09-15"))
    }

    @Test func aWrongCommandLineOrAMissingFolderExitsWithTwo() throws {
        #expect(try runOneDoor(["check", "--format", "xml"]).status == 2)
        #expect(try runOneDoor(["check", "--no-such-flag"]).status == 2)
        let missing = try runOneDoor(["check", "/no/such/folder"])
        #expect(missing.status == 2)
        #expect(missing.error.contains("no catalogue folder at '/no/such/folder'"))
    }
}

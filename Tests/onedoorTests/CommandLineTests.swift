import Foundation
import Synchronization
import Testing

/// Runs the built `onedoor` binary (or `executable`, another product of the package) as a user or CI
/// would, and returns its exit status and output.
func runOneDoor(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:],
                executable: String = "onedoor") throws -> (status: Int32, output: String, error: String) {
    // The test bundle and the tool are built into the same products folder.
    try runProgram(Bundle.main.bundleURL.appendingPathComponent(executable), arguments, in: folder, environment: environment)
}

/// The built `onedoor`'s path, for tests that run it through another program.
let onedoorPath = Bundle.main.bundleURL.appendingPathComponent("onedoor").path

/// Runs a program and returns its exit status and output.
func runProgram(_ program: URL, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws
    -> (status: Int32, output: String, error: String) {
    let process = Process()
    let executable = program.lastPathComponent
    process.executableURL = program
    process.arguments = arguments
    process.currentDirectoryURL = folder ?? packageRoot
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // No run may hang the tests: one that takes over two minutes is stopped, and says so.
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
    let errorData = Mutex(Data())
    let errorRead = DispatchWorkItem { errorData.withLock { $0 = error.fileHandleForReading.readDataToEndOfFile() } }
    DispatchQueue.global().async(execute: errorRead)
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    errorRead.wait()
    process.waitUntilExit()
    watchdog.cancel()
    if process.terminationReason == .uncaughtSignal, process.terminationStatus == SIGTERM {
        Issue.record("\(executable) \(arguments.joined(separator: " ")) took over two minutes and was stopped")
    }
    return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData.withLock { $0 }, as: UTF8.self))
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
        let clean = try runOneDoor(["check", "catalogue"], in: root, environment: fixedDay)
        let files = try #require(clean.output.split(separator: " ").dropLast().last)  // "0 errors, 0 warnings in N files"
        #expect(clean.status == 0 && clean.output.hasSuffix("0 errors, 0 warnings in \(files) files\n"), "\(clean.output)")
        let email = root.appendingPathComponent("catalogue/services/communications-and-collaboration/email.md")
        let text = try String(contentsOf: email, encoding: .utf8)
            .edited("category: communications-and-collaboration", to: "category: communications")
        try text.write(to: email, atomically: true, encoding: .utf8)

        let result = try runOneDoor(["check", "catalogue"], in: root, environment: fixedDay)
        #expect(result.status == 1)
        #expect(result.output.contains("services/communications-and-collaboration/email.md:4:11: error: unknown category 'communications'"))
        #expect(result.output.hasSuffix("1 error, 0 warnings in \(files) files\n"))

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

@Suite struct BuildCommandTests {
    @Test func buildsTheExampleCatalogueTheSameWayTwice() throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try runOneDoor(["build", "catalogue", "--output", "one"], in: root, environment: fixedDay)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.hasPrefix("Built "))
        let second = try runOneDoor(["build", "catalogue", "--output", "two"], in: root, environment: fixedDay)
        #expect(second.status == 0)
        let one = try contents(of: root.appendingPathComponent("one"))
        let two = try contents(of: root.appendingPathComponent("two"))
        #expect(one.count > 80)
        #expect(one == two)
        #expect(one["services/email.html"] != nil)
    }

    @Test func aBrokenCatalogueWritesNothingAndLeavesThePreviousPortal() throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try runOneDoor(["build", "catalogue"], in: root, environment: fixedDay).status == 0)
        let before = try contents(of: root.appendingPathComponent("site"))

        let teams = root.appendingPathComponent("catalogue/teams.yaml")
        try Data("- id: [broken\n".utf8).write(to: teams)
        let failed = try runOneDoor(["build", "catalogue"], in: root, environment: fixedDay)
        #expect(failed.status == 1)
        #expect(failed.output.contains("teams.yaml:2:1: error: YAML syntax error"))
        #expect(failed.error.contains("nothing was written"))
        #expect(try contents(of: root.appendingPathComponent("site")) == before)
    }

    @Test func refusesToWriteOverTheCatalogueOrTheRoot() throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        for output in ["catalogue", ".", "/"] {
            let result = try runOneDoor(["build", "catalogue", "--output", output], in: root, environment: fixedDay)
            #expect(result.status == 2, "\(output)")
            #expect(result.error.contains("refusing to write the portal"))
        }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("catalogue/catalogue.yaml").path))
    }

    private func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }
}

@Suite struct WorkflowCommandTests {
    @Test func diffSaysWhatAChangeDoesAndCanFailOnBreakingChanges() throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: root.appendingPathComponent("catalogue"), to: root.appendingPathComponent("old"))
        let networks = root.appendingPathComponent("catalogue/services/technology-management/networks.md")
        let text = try String(contentsOf: networks, encoding: .utf8).edited("status: live", to: "status: retired")
        try text.write(to: networks, atomically: true, encoding: .utf8)
        // Retiring Networks breaks the catalogue itself, so compare the published JSON instead.
        let built = try runOneDoor(["build", "old", "--output", "old-site"], in: root, environment: fixedDay)
        #expect(built.status == 0)

        let same = try runOneDoor(["diff", "old", "old-site/catalogue.json"], in: root, environment: fixedDay)
        #expect(same.status == 0)
        #expect(same.output == "No changes to services.\n")

        let broken = try runOneDoor(["diff", "old", "catalogue"], in: root, environment: fixedDay)
        #expect(broken.status == 2)
        #expect(broken.error.contains("has errors; run onedoor check on it first"))

        let edited = root.appendingPathComponent("catalogue/services/communications-and-collaboration/email.md")
        try String(contentsOf: edited, encoding: .utf8).edited("availability: 99.9", to: "availability: 99.5")
            .write(to: edited, atomically: true, encoding: .utf8)
        try text.edited("status: retired", to: "status: live").write(to: networks, atomically: true, encoding: .utf8)
        let weaker = try runOneDoor(["diff", "old", "catalogue", "--format", "markdown", "--fail-on-breaking"], in: root, environment: fixedDay)
        #expect(weaker.status == 1)
        #expect(weaker.output.contains("- **Email** (`email`): availability 99.9% → 99.5% (weaker)"))
    }

    @Test func newServiceAndInitWriteValidFiles() throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try runOneDoor(["new", "service", "remote-access", "--category", "accounts-and-access", "--owner", "network-services"],
                                     in: root, environment: fixedDay)
        #expect(created.status == 0, "\(created.error)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("catalogue/services/accounts-and-access/remote-access.md").path))
        // Valid, though `--strict` holds it back until its text is written.
        #expect(try runOneDoor(["check"], in: root, environment: fixedDay).status == 0)
        let strict = try runOneDoor(["check", "--strict"], in: root, environment: fixedDay)
        #expect(strict.status == 1)
        #expect(strict.output.contains("remote-access.md:3:10: error: the summary of 'remote-access' is still the one 'onedoor new service' wrote"))

        let wrong = try runOneDoor(["new", "service", "vpn", "--category", "acounts-and-access", "--owner", "network-services"], in: root)
        #expect(wrong.status == 2)
        #expect(wrong.error == "error: unknown category 'acounts-and-access' (did you mean 'accounts-and-access'?)\n")
        #expect(try runOneDoor(["new", "service", "vpn"], in: root).status == 2)

        #expect(try runOneDoor(["init", "starter"], in: root, environment: fixedDay).status == 0)
        #expect(try runOneDoor(["check", "starter", "--strict"], in: root, environment: fixedDay).status == 0)
        let again = try runOneDoor(["init", "starter"], in: root)
        #expect(again.status == 2)
        #expect(again.error.contains("is not empty"))
    }

    @Test func schemaAndReviewPrintWhatToolsRead() throws {
        let schema = try runOneDoor(["schema", "service"])
        #expect(schema.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(schema.output.utf8)) as? [String: Any]
        #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(try runOneDoor(["schema", "services"]).status == 2)

        let late = ["SOURCE_DATE_EPOCH": "1830000000"]  // 2027-12: everything is overdue
        let csv = try runOneDoor(["review", "--format", "csv"], environment: late)
        #expect(csv.status == 0)
        #expect(csv.output.hasPrefix("team,team_name,team_email,service,service_name,file,last_reviewed,due,days_left\r\n"))
        #expect(try runOneDoor(["review", "--within", "-1"]).status == 2)
    }
}

@Suite struct InterruptedBuildTests {
    @Test func aBuildKilledHalfWayLeavesThePreviousPortalWhole() throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        #expect(try runOneDoor(["build", "catalogue", "--output", "site"], in: root, environment: fixedDay).status == 0)
        let before = try snapshot(of: site)

        // Make the next build long enough to be stopped in the middle: 1,500 more services.
        let email = try String(contentsOf: root.appendingPathComponent("catalogue/services/communications-and-collaboration/email.md"),
                               encoding: .utf8)
        let folder = root.appendingPathComponent("catalogue/services/copies")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for n in 0..<1_500 {
            try email.edited("name: Email", to: "name: Email \(n)")
                .write(to: folder.appendingPathComponent("email-\(n).md"), atomically: false, encoding: .utf8)
        }
        var killed = 0
        for delay in [0.2, 0.5, 1.0, 1.5] {
            let process = Process()
            process.executableURL = Bundle.main.bundleURL.appendingPathComponent("onedoor")
            process.arguments = ["build", "catalogue", "--output", "site"]
            process.currentDirectoryURL = root
            process.environment = ProcessInfo.processInfo.environment.merging(fixedDay) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            guard process.terminationReason == .uncaughtSignal else { continue }  // it finished first
            killed += 1
            #expect(try snapshot(of: site) == before, "after a kill at \(delay) s")
        }
        #expect(killed >= 2)
        // The next build clears what the killed ones left beside the output, and succeeds.
        #expect(try runOneDoor(["build", "catalogue", "--output", "site"], in: root, environment: fixedDay).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["catalogue", "site"])
    }

    private func snapshot(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return files
    }
}

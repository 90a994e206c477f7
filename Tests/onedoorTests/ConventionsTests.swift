import Foundation
import Testing

/// What a new user expects of a command-line tool, through the built binary.
@Suite struct ConventionsTests {
    @Test func versionIsPrintedAndHelpShowsIt() throws {
        let version = try runOneDoor(["--version"])
        #expect(version.status == 0)
        let number = version.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(number.split(separator: ".").count == 3 && number.allSatisfy { $0.isNumber || $0 == "." }, "\(number)")
        #expect(try runOneDoor(["--help"]).output.contains("OneDoor \(number)"))
    }

    @Test func everyCommandFindsTheCatalogueFromInsideIt() throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let inside = root.appendingPathComponent("catalogue/services/communications-and-collaboration")

        let check = try runOneDoor(["check"], in: inside, environment: fixedDay)
        #expect(check.status == 0 && check.output.contains("0 errors, 0 warnings in "))
        #expect(check.error == "onedoor: using the catalogue in ../..\n")
        // From the folder that holds catalogue/, as always: nothing to say.
        let plain = try runOneDoor(["check"], in: root, environment: fixedDay)
        #expect(plain.status == 0 && plain.error.isEmpty)
        #expect(plain.output == check.output)

        let new = try runOneDoor(["new", "service", "video-calls", "--category", "communications-and-collaboration",
                                  "--owner", "enterprise-service-management"], in: inside, environment: fixedDay)
        #expect(new.status == 0, "\(new.error)")
        #expect(FileManager.default.fileExists(atPath: inside.appendingPathComponent("video-calls.md").path))

        let review = try runOneDoor(["review", "--format", "csv"], in: inside, environment: fixedDay)
        #expect(review.status == 0 && review.error.contains("using the catalogue in ../.."))

        // The portal goes beside the catalogue folder, where it goes from the folder above.
        let build = try runOneDoor(["build"], in: inside, environment: fixedDay)
        #expect(build.status == 0, "\(build.error)")
        #expect(build.output.contains("into ../../../site/"), "\(build.output)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/services/video-calls.html").path))
    }

    @Test func withNoCatalogueAnywhereTheErrorSaysWhatToDo() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("onedoor-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let check = try runOneDoor(["check"], in: empty)
        #expect(check.status == 2)
        #expect(check.error.contains("no catalogue here") && check.error.contains("onedoor init"))
    }

    @Test func aLinkedFolderIsNamedOnceNotSkippedInSilence() throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let services = root.appendingPathComponent("catalogue/services")
        let elsewhere = root.appendingPathComponent("shared-services")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: services.appendingPathComponent("shared").path, withDestinationPath: elsewhere.path)
        // A loop: a folder linked to the folder it is in.
        try FileManager.default.createSymbolicLink(atPath: services.appendingPathComponent("loop").path, withDestinationPath: services.path)
        let check = try runOneDoor(["check", "catalogue"], in: root, environment: fixedDay)
        #expect(check.status == 0)
        let lines = check.output.split(separator: "\n")
        #expect(lines.filter { $0.contains("services/shared:1:1: warning: 'services/shared' is a link to a folder") }.count == 1)
        #expect(lines.filter { $0.contains("services/loop:1:1: warning:") }.count == 1)
        #expect(check.output.contains("0 errors, 2 warnings in "))
    }

    @Test func aFileThatCannotBeReadSaysPermissionDenied() throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let email = root.appendingPathComponent("catalogue/services/communications-and-collaboration/email.md")
        let locked = root.appendingPathComponent("catalogue/services/computers-and-printers")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: email.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        // Root reads everything: the check runs as an ordinary user when the tests run as root.
        for path in [root.path, root.appendingPathComponent("catalogue").path] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        let check = getuid() == 0
            ? try runProgram(URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", "nobody", "--", onedoorPath, "check", "catalogue"],
                             in: root, environment: fixedDay)
            : try runOneDoor(["check", "catalogue"], in: root, environment: fixedDay)
        #expect(check.status == 1)
        #expect(check.output.contains("email.md:1:1: error: cannot read 'services/communications-and-collaboration/email.md': permission denied"),
                "\(check.output)")
        #expect(check.output.contains("services/computers-and-printers:1:1: error: cannot read the folder 'services/computers-and-printers': permission denied"))
        #expect(!check.output.contains("missing"))
    }

    @Test func findingsAreColouredOnATerminalOnly() throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let email = root.appendingPathComponent("catalogue/services/communications-and-collaboration/email.md")
        try String(contentsOf: email, encoding: .utf8).edited("status: live", to: "status: active").write(to: email, atomically: true, encoding: .utf8)
        // `script` gives the command a terminal.
        func onATerminal(_ environment: [String: String]) throws -> String {
            try runProgram(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", "\(onedoorPath) check catalogue", "/dev/null"],
                           in: root, environment: fixedDay.merging(environment) { $1 }).output
        }
        // The test runner may set NO_COLOR itself: an empty one counts as not set.
        let coloured = try onATerminal(["TERM": "xterm", "NO_COLOR": ""])
        #expect(coloured.contains("\u{1B}[1mservices/communications-and-collaboration/email.md:"))
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(!(try onATerminal(["TERM": "xterm", "NO_COLOR": "1"])).contains("\u{1B}["))
        let piped = try runOneDoor(["check", "catalogue"], in: root, environment: fixedDay)
        #expect(piped.output.contains("error:") && !piped.output.contains("\u{1B}["))
    }
}

@Suite struct ReportCommandTests {
    @Test func theBoardPackIsPrintedUpToThePeriodAsked() throws {
        let latest = try runOneDoor(["report", "catalogue"], environment: fixedDay)
        #expect(latest.status == 0, "\(latest.error)")
        #expect(latest.output.hasPrefix("# ICT Service Catalogue: performance to October 2026\n"))
        #expect(latest.output.contains("## Headlines") && latest.output.contains("## Tickets resolved"))
        let csv = try runOneDoor(["report", "catalogue", "--period", "2026-Q1", "--format", "csv"], environment: fixedDay)
        #expect(csv.status == 0 && csv.output.hasPrefix("period,priority,customer,resolved,within_target,achieved,target,met\n"))
        #expect(!csv.output.contains("2026-Q2") && csv.output.contains("2026-Q1,p1,"))
    }

    @Test func aPeriodWithNoResultsOrNoPeriodAtAllIsSaid() throws {
        let none = try runOneDoor(["report", "catalogue", "--period", "2019"], environment: fixedDay)
        #expect(none.status == 2 && none.error.contains("no results for 2019; the periods are 2025-Q4, 2026-Q1"))
        let malformed = try runOneDoor(["report", "catalogue", "--period", "2026-13"], environment: fixedDay)
        #expect(malformed.status == 2 && malformed.error.contains("'2026-13' is not a period"))
        let fixture = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: fixture) }
        try FileManager.default.removeItem(at: fixture.appendingPathComponent("catalogue/performance"))
        let empty = try runOneDoor(["report", "catalogue"], in: fixture, environment: fixedDay)
        #expect(empty.status == 2 && empty.error.contains("the catalogue has no results"))
    }
}

import Foundation
import Testing

@Suite struct ImpactCommandTests {
    @Test func everyServiceThatDependsOnOneIsListedWithItsPath() throws {
        let text = try runOneDoor(["impact", "identity-management", "catalogue"], environment: fixedDay)
        #expect(text.status == 0, "\(text.error)")
        let lines = text.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("") == true)
        #expect(lines.first?.contains("depend on Identity Management (identity-management)") == true, "\(lines)")
        let json = try runOneDoor(["impact", "identity-management", "catalogue", "--format", "json"], environment: fixedDay)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let dependents = try #require(document["dependents"] as? [[String: Any]])
        #expect(!dependents.isEmpty)
        for dependent in dependents {
            let path = try #require(dependent["path"] as? [String])
            #expect(path.first == dependent["id"] as? String && path.last == "identity-management")
            #expect(dependent["depth"] as? Int == path.count - 1)
        }
        // Nearest first: the text lists the same services in the same order.
        #expect(lines.count == dependents.count + 1)
        #expect(dependents.map { $0["depth"] as! Int } == dependents.map { $0["depth"] as! Int }.sorted())
    }

    @Test func anUnknownServiceIsAnErrorWithAHint() throws {
        let result = try runOneDoor(["impact", "identity-managment", "catalogue"], environment: fixedDay)
        #expect(result.status == 2)
        #expect(result.error.contains("there is no service 'identity-managment' (did you mean 'identity-management'?)"))
    }

    @Test func aServiceNothingDependsOnSaysSo() throws {
        let result = try runOneDoor(["impact", "postal-services", "catalogue"], environment: fixedDay)
        #expect(result.status == 0 && result.output == "No service depends on Postal Services (postal-services).\n", "\(result.output)")
    }
}

@Suite struct NewNoticeCommandTests {
    @Test func writesANoticeThatChecksCleanAndShowsOnThePortal() throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try runOneDoor(["new", "notice", "email-down", "--kind", "incident", "--severity", "major", "--service", "email",
                                      "--start", "2026-11-23 07:05"], in: root, environment: fixedDay)
        #expect(created.status == 0, "\(created.error)")
        #expect(created.output.hasPrefix("Created catalogue/notices/email-down.md."))
        let check = try runOneDoor(["check", "catalogue"], in: root, environment: fixedDay)
        #expect(check.status == 0 && check.output.hasPrefix("0 errors, 0 warnings"), "\(check.output)")
        let build = try runOneDoor(["build", "catalogue", "--output", "site"], in: root, environment: ["SOURCE_DATE_EPOCH": "1795435200"])
        #expect(build.status == 0, "\(build.error)")
        let page = try String(contentsOf: root.appendingPathComponent("site/services/email.html"), encoding: .utf8)
        #expect(page.contains("This service is disrupted.") && page.contains("Email: a problem we are working on"))
    }

    @Test func aPlannedChangeStartingNowNeedsAnEnd() throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = try runOneDoor(["new", "notice", "upgrade", "--kind", "planned-change", "--service", "networks"], in: root, environment: fixedDay)
        #expect(missing.status == 2 && missing.error.contains("a planned change needs --end"))
        let written = try runOneDoor(["new", "notice", "upgrade", "--kind", "planned-change", "--service", "networks",
                                      "--start", "2026-12-05 22:00", "--end", "2026-12-06 02:00"], in: root, environment: fixedDay)
        #expect(written.status == 0, "\(written.error)")
        let text = try String(contentsOf: root.appendingPathComponent("catalogue/notices/upgrade.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Planned work on Networks\"\nkind: planned-change\nservices: [networks]\nstart: 2026-12-05 22:00\nend: 2026-12-06 02:00\n---\n"))
    }

    @Test func wrongArgumentsAreRefusedBeforeAnythingIsWritten() throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let cases: [([String], String)] = [
            (["--kind", "incident", "--service", "emial", "--severity", "minor"], "unknown service 'emial' (did you mean 'email'?)"),
            (["--kind", "incident", "--service", "email"], "an incident needs --severity major or --severity minor"),
            (["--kind", "announcement", "--severity", "minor"], "only an incident has a severity"),
            (["--kind", "incident", "--severity", "minor"], "name the service it is about with --service ID"),
            (["--kind", "incident", "--service", "email", "--severity", "minor", "--start", "2026-11-23 9:00"], "--start must be a date and time"),
            (["--kind", "outage", "--service", "email"], "The value 'outage' is invalid for '--kind <kind>'"),
        ]
        for (arguments, message) in cases {
            let result = try runOneDoor(["new", "notice", "x"] + arguments, in: root, environment: fixedDay)
            #expect(result.status == 2 && result.error.contains(message), "\(arguments): \(result.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("catalogue/notices/x.md").path))
        let again = try runOneDoor(["new", "notice", "email-outage-2026-10-14", "--kind", "announcement"], in: root, environment: fixedDay)
        #expect(again.status == 2 && again.error.contains("already used at notices/email-outage-2026-10-14.md"))
    }
}

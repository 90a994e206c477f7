import Foundation
@testable import OneDoorKit
import Testing

/// One broken catalogue per rule, and the exact finding it must produce.
struct RuleCase: CustomTestStringConvertible, Sendable {
    let rule: Rule
    let files: [String: String?]
    let file: String
    let line: Int
    let column: Int
    let severity: Severity
    /// A part of the message that says what to fix.
    let says: String

    var testDescription: String { "\(rule.rawValue): \(says)" }
}

let ruleCases: [RuleCase] = [
    RuleCase(rule: .noticeSeverity, files: ["notices/outage.md": noticeFile(["severity": ""])], file: "notices/outage.md", line: 2,
             column: 1, severity: .error, says: "incident 'outage' has no severity; add 'severity: major' or 'severity: minor'"),
    RuleCase(rule: .noticeTimes, files: ["notices/outage.md": noticeFile(["end": "2026-05-31 09:00"])], file: "notices/outage.md",
             line: 7, column: 6, severity: .error, says: "'end' (2026-05-31 09:00) is before 'start' (2026-05-31 09:30)"),
    RuleCase(rule: .overlappingPeriods, files: ["performance/2026.csv": "period,service,priority,resolved,within_target\n2026-Q4,hosting,p1,3,2\n2026-11,hosting,p1,4,4\n"],
             file: "performance/2026.csv", line: 3, column: 1, severity: .error, says: "2026-11 overlaps 2026-Q4"),
    RuleCase(rule: .missingFile, files: ["teams.yaml": nil], file: "teams.yaml", line: 1, column: 1, severity: .error,
             says: "the required file 'teams.yaml' is missing"),
    RuleCase(rule: .yamlSyntax, files: ["teams.yaml": "- id: a\n  name: [unclosed\n"], file: "teams.yaml", line: 3, column: 1,
             severity: .error, says: "YAML syntax error"),
    RuleCase(rule: .frontMatter, files: ["services/desk/printing.md": "name: Printing\n"], file: "services/desk/printing.md",
             line: 1, column: 1, severity: .error, says: "must start with a '---' line"),
    RuleCase(rule: .missingField, files: ["services/desk/printing.md": serviceFile(["summary": ""])],
             file: "services/desk/printing.md", line: 2, column: 1, severity: .error,
             says: "missing the required field 'summary'"),
    RuleCase(rule: .fieldType, files: ["services/desk/printing.md": serviceFile(["name": "[a, b]"])],
             file: "services/desk/printing.md", line: 2, column: 7, severity: .error, says: "'name' must be text, not a list"),
    RuleCase(rule: .invalidValue, files: ["services/desk/printing.md": serviceFile(["status": "active"])],
             file: "services/desk/printing.md", line: 6, column: 9, severity: .error,
             says: "'status' must be one of pipeline, live, retired, not 'active'"),
    RuleCase(rule: .unknownField, files: ["services/desk/printing.md": serviceFile(["summry": "x"])],
             file: "services/desk/printing.md", line: 10, column: 1, severity: .error,
             says: "unknown field 'summry' in service 'printing' (did you mean 'summary'?)"),
    RuleCase(rule: .duplicateField, files: ["teams.yaml": "- id: a\n  name: A\n  name: B\n"], file: "teams.yaml", line: 2,
             column: 3, severity: .error, says: "the field 'name' is written more than once"),
    RuleCase(rule: .invalidID, files: ["services/desk/Printing Services.md": serviceFile()],
             file: "services/desk/Printing Services.md", line: 1, column: 1, severity: .error,
             says: "(did you mean 'printing-services.md'?)"),
    RuleCase(rule: .duplicateID, files: ["services/hosting-copy/hosting.md": serviceFile(["category": "infrastructure"])],
             file: "services/hosting.md", line: 1, column: 1, severity: .error,
             says: "the service id 'hosting' is already used at services/hosting-copy/hosting.md:1:1"),
    RuleCase(rule: .idMismatch, files: ["services/desk/printing.md": serviceFile(["id": "printers"])],
             file: "services/desk/printing.md", line: 10, column: 5, severity: .error,
             says: "rename the file to 'printers.md'"),
    RuleCase(rule: .unknownReference, files: ["services/desk/printing.md": serviceFile(["category": "dsk"])],
             file: "services/desk/printing.md", line: 4, column: 11, severity: .error,
             says: "unknown category 'dsk' (did you mean 'desk'?)"),
    RuleCase(rule: .dependencyCycle, files: ["services/hosting.md": serviceFile(["name": "Hosting", "category": "infrastructure", "depends_on": "[laptops]"])],
             file: "services/desk/laptops.md", line: 10, column: 14, severity: .error,
             says: "hosting → laptops → hosting"),
    RuleCase(rule: .categoryCycle, files: ["categories.yaml": "- id: a\n  name: A\n  parent: b\n- id: b\n  name: B\n  parent: a\n- id: desk\n  name: Desk\n- id: infrastructure\n  name: I\n"],
             file: "categories.yaml", line: 6, column: 11, severity: .error, says: "a → b → a"),
    RuleCase(rule: .brokenServiceLink, files: ["services/desk/printing.md": serviceFile(body: "\nAsk [the desk](service:lapto).\n")],
             file: "services/desk/printing.md", line: 12, column: 16, severity: .error,
             says: "the link 'service:lapto' names no service (did you mean 'laptops'?)"),
    RuleCase(rule: .forbiddenLink, files: ["services/desk/printing.md": serviceFile(body: "Text.\n\n- [x](javascript:alert(1))\n")],
             file: "services/desk/printing.md", line: 13, column: 7, severity: .error,
             says: "the scheme 'javascript:' are not allowed"),
    RuleCase(rule: .missingTarget, files: ["support-models.yaml": "- id: standard\n  name: S\n  hours: Always\n  channels: [{type: phone, value: \"555\"}]\n  targets:\n    - {priority: p1, resolve: 4h, percent: 95}\n"],
             file: "support-models.yaml", line: 1, column: 3, severity: .error, says: "has no target for priority 'p2'"),
    RuleCase(rule: .duplicateTarget, files: ["services/desk/printing.md": serviceFile(["targets": "[{priority: p1, resolve: 2h, percent: 99}, {priority: p1, resolve: 1h, percent: 90}]"])],
             file: "services/desk/printing.md", line: 10, column: 64, severity: .error,
             says: "two targets for priority 'p1'"),
    RuleCase(rule: .dependsOnRetired, files: ["services/hosting.md": serviceFile(["name": "Hosting", "category": "infrastructure", "status": "retired"])],
             file: "services/desk/laptops.md", line: 10, column: 14, severity: .error,
             says: "depends on 'hosting', which is retired"),
    RuleCase(rule: .replacedByNotRetired, files: ["services/desk/printing.md": serviceFile(["replaced_by": "laptops"])],
             file: "services/desk/printing.md", line: 10, column: 14, severity: .error,
             says: "'replaced_by' is only for retired services"),
    RuleCase(rule: .replacementNotLive, files: [
        "services/desk/printing.md": serviceFile(["status": "retired", "replaced_by": "faxes"]),
        "services/desk/faxes.md": serviceFile(["name": "Faxes", "status": "pipeline"]),
    ], file: "services/desk/printing.md", line: 10, column: 14, severity: .error, says: "which is pipeline, not live"),
    RuleCase(rule: .reviewInFuture, files: ["services/desk/printing.md": serviceFile(["last_reviewed": "2026-06-02"])],
             file: "services/desk/printing.md", line: 9, column: 16, severity: .error, says: "after today (2026-06-01)"),
    RuleCase(rule: .reviewOverdue, files: ["services/desk/printing.md": serviceFile(["last_reviewed": "2025-05-31"])],
             file: "services/desk/printing.md", line: 9, column: 16, severity: .warning, says: "366 days ago"),
    RuleCase(rule: .emptyCategory, files: ["categories.yaml": "- id: desk\n  name: Desk\n- id: infrastructure\n  name: I\n- id: spare\n  name: Spare\n"],
             file: "categories.yaml", line: 5, column: 3, severity: .warning, says: "category 'spare' has no services"),
    RuleCase(rule: .unusedTeam, files: ["teams.yaml": "- id: desk-team\n  name: D\n- id: platform-team\n  name: P\n- id: idle\n  name: Idle\n"],
             file: "teams.yaml", line: 5, column: 3, severity: .warning, says: "team 'idle' owns no service"),
    RuleCase(rule: .summaryRepeatsName, files: ["services/desk/printing.md": serviceFile(["summary": "Printing."])],
             file: "services/desk/printing.md", line: 3, column: 10, severity: .warning, says: "only repeats its name"),
    RuleCase(rule: .placeholderText, files: ["services/desk/printing.md": serviceFile(body: "\nPrinters.\n\nWho may ask for it, and who must approve. \n")],
             file: "services/desk/printing.md", line: 14, column: 1, severity: .warning, says: "still has text 'onedoor new service' wrote"),
    RuleCase(rule: .brokenAnchor, files: ["services/desk/printing.md": serviceFile(body: "\nSee [who](service:laptops#who-can-ask).\n")],
             file: "services/desk/printing.md", line: 12, column: 11, severity: .warning,
             says: "the link 'service:laptops#who-can-ask' leads to no heading of the page of 'laptops'; that description has no heading"),
    RuleCase(rule: .emptyBody, files: ["services/desk/printing.md": serviceFile(body: "\n  \n")],
             file: "services/desk/printing.md", line: 10, column: 1, severity: .warning, says: "has no description"),
]

@Suite struct CatalogueCheckerTests {
    @Test func theMinimalFixtureIsClean() throws {
        let fixture = try FixtureCatalogue()
        defer { fixture.remove() }
        #expect(try fixture.check() == [])
    }

    @Test(arguments: ruleCases)
    func eachRuleReportsWhereAndWhat(_ rule: RuleCase) throws {
        let fixture = try FixtureCatalogue(files: rule.files)
        defer { fixture.remove() }
        let findings = try fixture.check()
        let matching = findings.filter { $0.rule == rule.rule }
        #expect(matching.count == 1, "findings: \(findings)")
        let finding = try #require(matching.first)
        #expect(finding.location == SourceLocation(file: rule.file, line: rule.line, column: rule.column))
        #expect(finding.severity == rule.severity)
        #expect(finding.message.contains(rule.says), "message: \(finding.message)")
    }

    @Test func everyRuleHasACase() {
        // encoding is tested with raw bytes; limit and unsafe-path in RobustnessTests; a folder that
        // cannot be read and a linked folder through the binary (ConventionsTests), since they need
        // another user and links the fixtures cannot hold
        // and the rules of languages in LanguageCheckTests, on a catalogue of two languages
        let covered = Set(ruleCases.map(\.rule)).union([.encoding, .limit, .unsafePath, .permissionDenied, .linkedFolder,
                                                         .unknownLanguage, .untranslatableField, .orphanTranslation, .missingTranslation])
        #expect(Set(Rule.allCases).subtracting(covered).isEmpty)
    }

    @Test func aLinkToAHeadingOfAServiceNamesThatService() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/desk/printing.md": serviceFile(body: "\nSee [who can ask](service:hosting#who-can-ask), [x](service:laptop#who).\n"),
        ])
        defer { fixture.remove() }
        let findings = try fixture.check()
        #expect(findings.map(\.description) == [
            "services/desk/printing.md:12:53: error: the link 'service:laptop#who' names no service (did you mean 'laptops'?); link to the id of a file in services/",
        ])
    }

    @Test func linksToAHeadingLeadToOneThePageHas() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/desk/printing.md": serviceFile(body: """

                ## Who can ask

                See [who](#who-can-ask), [how fast](#targets), [x](#who-can-sak) and [y](service:hosting#who-can-sak).
                """),
        ])
        defer { fixture.remove() }
        let findings = try fixture.check()
        #expect(findings.map(\.description) == [
            "services/desk/printing.md:14:52: warning: the link '#who-can-sak' leads to no heading of this page (did you mean '#who-can-ask'?)",
            "services/desk/printing.md:14:74: warning: the link 'service:hosting#who-can-sak' leads to no heading of the page of 'hosting' (did you mean '#who-can-ask'?)",
        ])
    }

    @Test func placeholderTextIsFoundOnALineOfItsOwnWhateverTheLineEndings() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/a.md": serviceFile(["name": "A"], body: "\r\nText.\r\nWho may ask for it, and who must approve.\r\n"),
            "services/b.md": serviceFile(["name": "B"], body: "\nText.\n\nWhere and how to ask for it: a link, a form or a phone number."),
            "services/c.md": serviceFile(["name": "C"], body: "\nWhat people get from this service, in a few sentences, is a printer.\n"),
        ])
        defer { fixture.remove() }
        let found = try fixture.check().filter { $0.rule == .placeholderText }.map { "\($0.location.file):\($0.location.line)" }
        #expect(found == ["services/a.md:13", "services/b.md:14"])
    }

    @Test func anUnknownPriorityInATargetIsAnUnknownReference() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/desk/printing.md": serviceFile(["targets": "[{priority: p9, resolve: 2h, percent: 99}]"]),
        ])
        defer { fixture.remove() }
        let finding = try #require(try fixture.check().first)
        #expect(finding.description == "services/desk/printing.md:10:22: error: unknown priority 'p9' (did you mean 'p1'?)")
    }

    @Test func aCycleIsReportedOnceWithTheWholeLoop() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/a.md": serviceFile(["name": "A", "depends_on": "[b]"]),
            "services/b.md": serviceFile(["name": "B", "depends_on": "[c]"]),
            "services/c.md": serviceFile(["name": "C", "depends_on": "[a]"]),
        ])
        defer { fixture.remove() }
        let cycles = try fixture.check().filter { $0.rule == .dependencyCycle }
        #expect(cycles.count == 1)
        #expect(cycles.first?.message.contains("a → b → c → a") == true)
    }

    @Test func aLongLoopIsShownByItsEnds() throws {
        let ids = (0..<20).map { "s\($0)" }
        let fixture = try FixtureCatalogue(files: Dictionary(uniqueKeysWithValues: ids.enumerated().map { position, id in
            ("services/\(id).md", serviceFile(["name": id.uppercased(), "depends_on": "[\(ids[(position + 1) % ids.count])]"]))
        }))
        defer { fixture.remove() }
        let cycles = try fixture.check().filter { $0.rule == .dependencyCycle }
        #expect(cycles.map(\.message) == [
            "services depend on each other in a loop: s0 → s1 → s2 → s3 → s4 → s5 → … 9 more … → s15 → s16 → s17 → s18 → s19 → s0; remove one of these dependencies",
        ])
    }

    @Test func findingsInOneFileDoNotHideFindingsInAnother() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/broken.md": "---\nname: [\n---\n",
            "services/desk/printing.md": serviceFile(["owner": "desk-teem", "type": "busines"]),
        ])
        defer { fixture.remove() }
        let findings = try fixture.check()
        #expect(findings.map(\.rule) == [.yamlSyntax, .invalidValue, .unknownReference])
        #expect(findings[2].message.contains("did you mean 'desk-team'?"))
    }

    @Test func theLinksOfAServiceThatCannotBeReadAreStillChecked() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/desk/printing.md": serviceFile(["type": "busines"], body: "\nSee [x](service:lapto) and [y](ftp://x).\n"),
            "services/broken.md": "---\nname: [\n---\nSee [x](service:laptops).\n",
        ])
        defer { fixture.remove() }
        let findings = try fixture.check()
        #expect(findings.map(\.rule) == [.yamlSyntax, .invalidValue, .brokenServiceLink, .forbiddenLink])
        #expect(findings[2].description.hasPrefix("services/desk/printing.md:12:9: error: the link 'service:lapto' names no service (did you mean 'laptops'?)"))
    }

    @Test func referencesToAnEntryThatFailedAreNotReportedAgain() throws {
        let fixture = try FixtureCatalogue(files: ["services/hosting.md": serviceFile(["name": "", "category": "infrastructure", "owner": "platform-team"])])
        defer { fixture.remove() }
        let findings = try fixture.check()
        #expect(findings.map(\.rule) == [.missingField], "\(findings)")
    }

    @Test func findingsAreSortedByFileAndLine() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/b.md": serviceFile(["status": "x", "type": "y"]),
            "services/a.md": serviceFile(["status": "x"]),
        ])
        defer { fixture.remove() }
        let locations = try fixture.check().map(\.location)
        #expect(locations == locations.sorted())
        #expect(locations.first?.file == "services/a.md")
    }

    @Test func strictTurnsWarningsIntoErrors() {
        let warning = Diagnostic.warning(.emptyBody, at: .start(of: "x.md"), "empty")
        #expect(warning.strict(true).severity == .error)
        #expect(warning.strict(false).severity == .warning)
    }

    /// Edits to one service that change what a check finds, in its file or in others.
    static let edits: [(name: String, file: String, contents: String)] = [
        ("retired, with a service depending on it", "services/hosting.md",
         serviceFile(["name": "Hosting", "category": "infrastructure", "owner": "platform-team", "status": "retired"])),
        ("a new dependency closes a loop", "services/hosting.md",
         serviceFile(["name": "Hosting", "category": "infrastructure", "owner": "platform-team", "depends_on": "[laptops]"])),
        ("a new owner leaves a team unused", "services/hosting.md", serviceFile(["name": "Hosting", "category": "infrastructure"])),
        ("a broken link and a typo", "services/desk/laptops.md",
         serviceFile(["name": "Laptops", "depends_on": "[hostng]"], body: "See [it](service:hostin).\n")),
        ("an empty description", "services/desk/laptops.md", serviceFile(["name": "Laptops", "depends_on": "[hosting]"], body: "\n")),
        ("a heading another service links to is renamed", "services/hosting.md",
         serviceFile(["name": "Hosting", "category": "infrastructure", "owner": "platform-team"], body: "Servers.\n\n## Who may ask\n")),
    ]

    @Test(arguments: edits.indices)
    func checkingAgainOnlyWhatAnEditTouchesFindsWhatAFullCheckFinds(_ edit: Int) throws {
        let (_, file, contents) = Self.edits[edit]
        let fixture = try FixtureCatalogue()
        defer { fixture.remove() }
        let checker = CatalogueChecker(today: FixtureCatalogue.today, pageIDs: TemplateSet.builtInIDs)
        let before = try fixture.load().catalogue
        let findings = checker.findings(before)
        try fixture.write(file, Data(contents.utf8))
        let after = try fixture.load().catalogue
        let changed = try #require(after.services.firstIndex { $0.file == file })

        let updated = checker.findings(updating: findings, catalogue: after, before: before, changed: [changed])
        #expect(updated.all == checker.findings(after).all)
        #expect(updated.all != findings.all)
    }
}

import Foundation
@testable import OneDoorKit
import Testing

@Suite struct RobustnessTests {
    /// The minimal fixture as files in memory, as the fuzzer holds its catalogue.
    private func memoryCatalogue(_ files: [String: String]) throws -> MemorySource {
        let fixture = try FixtureCatalogue(files: files.mapValues { $0 })
        defer { fixture.remove() }
        var held: [String: [UInt8]] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: fixture.folder.path)! {
            if let data = FileManager.default.contents(atPath: fixture.folder.appendingPathComponent(path).path), !path.hasPrefix(".") {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                    held[path] = Array(data)
                }
            }
        }
        return MemorySource(files: held)
    }

    @Test func aCatalogueHeldInMemoryGoesThroughEveryStage() throws {
        let source = try memoryCatalogue(["services/desk/printing.md": serviceFile()])
        let output = OutputFiles()
        let built = try Pipeline(source: source, today: FixtureCatalogue.today).build(into: output)
        #expect(!built.checked.hasErrors, "\(built.checked.findings)")
        #expect(output.files.contains { $0.path == "services/printing.html" && $0.text.contains("Printers in every office.") })
        // The same bytes as from the disk.
        let fixture = try FixtureCatalogue(files: ["services/desk/printing.md": serviceFile()])
        defer { fixture.remove() }
        let fromDisk = OutputFiles()
        _ = try fixture.pipeline().build(into: fromDisk)
        #expect(output.files == fromDisk.files)
    }

    @Test func aBrokenFileHeldInMemoryIsReportedAndNothingIsRendered() throws {
        let source = try memoryCatalogue(["services/desk/printing.md": serviceFile(["category": "dsek"])])
        let output = OutputFiles()
        let built = try Pipeline(source: source, today: FixtureCatalogue.today).build(into: output)
        guard case .failure(.catalogueHasErrors) = built.result else { Issue.record("a broken catalogue was built"); return }
        #expect(built.checked.findings.contains { $0.location.file == "services/desk/printing.md" && $0.message.contains("did you mean 'desk'") })
        #expect(output.files.isEmpty)
    }

    @Test(arguments: [
        ("cost: \"Evil \\u202Eoverride\"", "U+202E"),
        ("cost: \"Null \\0 byte\"", "U+0000"),
        ("cost: \"Bell \\a\"", "U+0007"),
    ])
    func hiddenControlCharactersAreRefused(_ line: String, _ code: String) throws {
        let fixture = try FixtureCatalogue(files: ["services/desk/printing.md": "---\n\(line)\n" + serviceFile().dropFirst(4)])
        defer { fixture.remove() }
        let finding = try #require(try fixture.check().first { $0.message.contains("invisible control character") })
        #expect(finding.message.contains(code))
        #expect(finding.location.line == 2)
    }

    @Test func dangerousLinksInBodiesAndFieldsStopTheBuild() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/desk/printing.md": serviceFile(["request_url": "javascript:alert(1)"],
                                                     body: "[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=) [c](vbscript:x)\n"),
        ])
        defer { fixture.remove() }
        let findings = try fixture.check()
        #expect(findings.filter { $0.rule == .forbiddenLink }.count == 3)
        #expect(findings.contains { $0.message.hasPrefix("'request_url' must be a full web address") })
    }

    @Test func everyOutputFileOfAHostileCatalogueIsEscapedForItsContext() throws {
        let files = try renderFixture("hostile")
        for (path, file) in files {
            let text = file.text
            #expect(!text.contains("<script>alert"), "\(path)")
            #expect(!text.contains("</script><script>"), "\(path)")
            #expect(!text.contains("<img"), "\(path)")
            #expect(!text.contains("<b>"), "\(path)")
            if path.hasSuffix(".json") || path.hasSuffix(".js") && path.hasPrefix("search/") {
                // JSON and the index scripts carry text only inside strings, with <, > and & escaped.
                #expect(!text.contains("<") && !text.contains(">"), "\(path)")
            }
        }
        let json = try #require(files["catalogue.json"])
        #expect(try JSONSerialization.jsonObject(with: Data(json.bytes)) is [String: Any])
    }

    @Test func deepNestingAndAliasBombsAreFindingsNotCrashes() throws {
        let aliases = (1...9).map { level in "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]" }
        let fixture = try FixtureCatalogue(files: [
            "services/deep.md": "---\nname: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n---\n",
            "services/laughs.md": "---\na0: &a0 [lol]\n" + aliases.joined(separator: "\n") + "\n---\n",
            "services/wide.md": "---\nname: " + String(repeating: "x", count: 70_000) + "\n---\n",
        ])
        defer { fixture.remove() }
        let findings = try fixture.check()
        #expect(findings.contains { $0.location.file == "services/deep.md" && $0.message.contains("nested") })
        #expect(findings.contains { $0.location.file == "services/laughs.md" && $0.rule == .limit })
        #expect(findings.contains { $0.location == SourceLocation(file: "services/wide.md", line: 2, column: 1) && $0.rule == .limit })
    }

    @Test func categoriesNestAtMostTenLevelsDeep() throws {
        let minimal = "- id: technology\n  name: T\n- id: desk\n  name: D\n  parent: technology\n- id: infrastructure\n  name: I\n  parent: technology\n"
        // c1 is three levels down (technology → desk → c1), so c8 is the 10th level and c9 the 11th.
        let chain = (1...12).map { "- id: c\($0)\n  name: C\($0)\n  parent: \($0 == 1 ? "desk" : "c\($0 - 1)")\n" }.joined()
        // A loop is the loop's finding alone.
        let loop = "- id: l0\n  name: L0\n  parent: l1\n- id: l1\n  name: L1\n  parent: l0\n- id: l2\n  name: L2\n  parent: l1\n"
        let fixture = try FixtureCatalogue(files: ["categories.yaml": minimal + chain + loop])
        defer { fixture.remove() }
        let limits = try fixture.check().filter { $0.rule == .limit }
        #expect(limits.map(\.description) == [
            "categories.yaml:35:11: error: category 'c9' is nested 11 levels deep, and at most 10 are allowed; give it a parent higher up",
        ])
    }

    @Test func aFileOverOneMebibyteIsRefusedUnread() throws {
        let fixture = try FixtureCatalogue(files: ["services/big.md": serviceFile(body: String(repeating: "word ", count: 220_000))])
        defer { fixture.remove() }
        let finding = try #require(try fixture.check().first { $0.location.file == "services/big.md" })
        #expect(finding.rule == .limit)
        #expect(finding.message.contains("over the limit of 1 MiB"))
    }

    @Test func symbolicLinksOutOfTheCatalogueAreRefused() throws {
        let fixture = try FixtureCatalogue()
        defer { fixture.remove() }
        try FileManager.default.createSymbolicLink(atPath: fixture.folder.appendingPathComponent("services/secret.md").path,
                                                   withDestinationPath: "/etc/hostname")
        let finding = try #require(try fixture.check().first { $0.location.file == "services/secret.md" })
        #expect(finding.rule == .unsafePath)
        #expect(finding.message.contains("outside the catalogue"))
    }
}

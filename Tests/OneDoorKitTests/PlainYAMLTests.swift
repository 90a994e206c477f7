import Foundation
@testable import OneDoorKit
import Testing

@Suite struct PlainYAMLTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every YAML document of the example catalogue and the test fixtures: the YAML files, and the
    /// front matter of service files (fuzz seeds start with a byte that picks the role; it is dropped).
    private static func documents() throws -> [(name: String, yaml: String, lineOffset: Int)] {
        let folders = ["catalogue", "Tests/OneDoorKitTests/Fixtures"].map { root.appendingPathComponent($0) }
        var documents: [(name: String, yaml: String, lineOffset: Int)] = []
        for folder in folders {
            for case let path as String in FileManager.default.enumerator(atPath: folder.path)! {
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path),
                      var text = String(data: data, encoding: .utf8) else { continue }
                if path.contains("fuzz-corpus") { text = String(text.dropFirst()) }
                if path.hasSuffix(".yaml") {
                    documents.append((path, text, 0))
                } else if case let .success(front) = FrontMatter.split(SourceText(path: path, text: text)) {
                    documents.append((path, front.yaml, front.yamlLineOffset))
                }
            }
        }
        return documents
    }

    @Test func readsEveryDocumentItTakesExactlyAsYamsDoes() throws {
        let documents = try Self.documents()
        var taken = 0
        for document in documents {
            guard let plain = PlainYAML.parse(document.yaml, file: "f", lineOffset: document.lineOffset) else { continue }
            taken += 1
            guard case let .success(yams?) = SourceNode.parseWithYams(document.yaml, file: "f", lineOffset: document.lineOffset) else {
                Issue.record("\(document.name): Yams refuses a document PlainYAML read")
                continue
            }
            #expect(plain == yams, "\(document.name)")
        }
        #expect(documents.count > 80)
        #expect(taken * 10 >= documents.count * 8, "only \(taken) of \(documents.count) documents were read without Yams")
    }

    @Test func takesTheShapesCatalogueFilesUse() throws {
        let yaml = """
            # a comment
            name: Email  # trailing comment
            summary: "Mail: calendars & more"
            quote: 'it''s here'
            url: https://example.gov/a?b=1&c=2#top
            audience: [staff, 'contractors', "public"]
            none: []
            continuity:
              rto: 4h

              rpo: 1h
            contacts:
              - role: Owner
                name: Jane Doe
              - plain item
            examples:
            - first
            - second
            after: café déjà vu
            """
        let node = try #require(PlainYAML.parse(yaml, file: "f.yaml", lineOffset: 1))
        guard case let .success(yams?) = SourceNode.parseWithYams(yaml, file: "f.yaml", lineOffset: 1) else {
            Issue.record("Yams refuses the document")
            return
        }
        #expect(node == yams)
        let fields = try #require(node.pairs)
        #expect(fields.map { $0.key.scalar! } == ["name", "summary", "quote", "url", "audience", "none", "continuity", "contacts", "examples", "after"])
        #expect(fields[0].value.scalar == "Email")
        #expect(fields[1].value.content == .scalar("Mail: calendars & more", plain: false))
        #expect(fields[2].value.scalar == "it's here")
        #expect(fields[3].value.scalar == "https://example.gov/a?b=1&c=2#top")
        #expect(fields[3].value.location == SourceLocation(file: "f.yaml", line: 6, column: 6))
        #expect(fields[4].value.elements?.map(\.scalar) == ["staff", "contractors", "public"])
        #expect(fields[7].value.elements?.count == 2)
        #expect(fields[5].value.elements?.isEmpty == true)
        #expect(fields[8].value.elements?.map(\.scalar) == ["first", "second"])
        #expect(fields[9].value.scalar == "café déjà vu")
    }

    @Test func leavesEverythingElseToYams() {
        let declined = [
            "a: &x 1\nb: *x",                 // anchors and aliases
            "a: !tag value",                  // tags
            "a: |\n  block\n",                // block scalars
            "a: >\n  folded\n",
            "a: one\n  two",                  // a value over two lines
            "a: \"tab\\there\"",              // escapes
            "a:\tb",                          // tabs
            "a: 1\na: 2",                     // duplicate keys (Yams reports them)
            "a:",                             // empty values (Yams says where)
            "a: b: c",                        // a colon that YAML refuses
            "{a: 1}",                         // flow mappings
            "a: [x, [y]]",                    // nested flow lists
            "a: 'open",                       // quotes over several lines
            "---\na: 1",                      // document markers
            "? a\n: 1",                       // complex keys
            "a: x\u{2028}y",                  // YAML's other line breaks
            "  a: 1",                         // an indented root
            "- - a",                          // lists in lists on one line
            "a:\n    b: 1\n  c: 2",           // uneven indentation
            "",                               // nothing at all
        ]
        for yaml in declined {
            #expect(PlainYAML.parse(yaml, file: "f", lineOffset: 0) == nil, "\(yaml.debugDescription)")
        }
    }

    @Test func stopsDeeperThanTheLimitSoYamsReportsIt() {
        var yaml = ""
        for depth in 0...SourceLimits.maxDepth { yaml += String(repeating: " ", count: depth) + "k\(depth):\n" }
        yaml += String(repeating: " ", count: SourceLimits.maxDepth + 1) + "leaf: x\n"
        #expect(PlainYAML.parse(yaml, file: "f", lineOffset: 0) == nil)
        guard case let .failure(finding) = SourceNode.parse(yaml, file: "f") else {
            Issue.record("a tree deeper than the limit was accepted")
            return
        }
        #expect(finding.rule == .limit)
    }
}

/// Where the fast reader and Yams once disagreed: each case read both ways, and the same answer.
@Suite struct PlainYAMLDisagreementTests {
    private func bothWays(_ yaml: String) -> (plain: SourceNode?, full: Result<SourceNode?, Diagnostic>) {
        (PlainYAML.parse(yaml, file: "f", lineOffset: 0), SourceNode.parseWithYams(yaml, file: "f", lineOffset: 0))
    }

    @Test func starsInCommentsQuotesAndBlockScalarsAreNoAliases() throws {
        // 33 comment lines with `*5`, and an escape that sends the document to Yams: no alias anywhere.
        let comments = (1...33).map { "# dial *\($0) for option \($0)" }.joined(separator: "\n")
        let yaml = comments + "\nname: \"Phone \\u00e9\"\nsummary: 'press *1, *2'\nnote: dial *5 then #\nbody: |\n  *1\n  *2\n"
        guard case let .success(root?) = SourceNode.parse(yaml, file: "f") else { Issue.record("refused: \(yaml)"); return }
        #expect(root.depth == 2)
        #expect(SourceLimits.aliasLines(Array(yaml.utf8)).isEmpty)
    }

    @Test func everyRealAliasIsStillCounted() {
        let yaml = "a: &x [1]\nb: *x\nc: [*x,*x, *x]\nd: {k: *x}\n- *x\n? *x\n*x : 1\nlong: text\n  *x\n"
        // The last is text on a plain value's second line: counted too, never missed.
        #expect(SourceLimits.aliasLines(Array(yaml.utf8)) == [2, 3, 3, 3, 4, 5, 6, 7, 9])
        let many = "a: &x 1\n" + (1...33).map { "k\($0): *x" }.joined(separator: "\n")
        guard case let .failure(finding) = SourceNode.parse(many, file: "f") else { Issue.record("33 aliases accepted"); return }
        #expect(finding.message.contains("more than 32 YAML aliases") && finding.location.line == 34)
    }

    @Test func aKeyOverYAMLsLimitIsRefusedBothWays() {
        for length in [1_000, 1_024, 1_025, 1_030, 2_000] {
            let yaml = String(repeating: "k", count: length) + ": value\n"
            let (plain, full) = bothWays(yaml)
            switch full {
            case let .success(node?):
                if let plain { #expect(plain == node, "key of \(length)") }
            default:
                #expect(plain == nil, "PlainYAML took a key of \(length) characters that YAML refuses")
                guard case .failure = SourceNode.parse(yaml, file: "f") else { Issue.record("key of \(length) accepted"); continue }
            }
        }
        #expect(PlainYAML.parse(String(repeating: "k", count: 1_025) + ": v\n", file: "f", lineOffset: 0) == nil)
    }

    @Test func theDepthLimitFallsAtTheSameLevelBothWays() {
        for levels in 60...68 {
            // `levels` mappings inside each other, the innermost holding a scalar, and the same with lists.
            var mapping = ""
            for level in 0..<levels { mapping += String(repeating: " ", count: level) + "k:\n" }
            mapping += String(repeating: " ", count: levels) + "k: v\n"
            var list = ""
            for level in 0..<levels { list += String(repeating: " ", count: level * 2) + "- k:\n" }
            list += String(repeating: " ", count: levels * 2) + "v: 1\n"
            for yaml in [mapping, list] {
                let (plain, full) = bothWays(yaml)
                switch full {
                case let .success(node?): #expect(plain == nil || plain == node, "\(levels) levels")
                default: #expect(plain == nil, "PlainYAML took \(levels) levels that the limit refuses")
                }
                let accepted = if case .success = SourceNode.parse(yaml, file: "f") { true } else { false }
                let acceptedByYams = if case .success = full { true } else { false }
                #expect(accepted == acceptedByYams, "\(levels) levels")
            }
        }
    }
}

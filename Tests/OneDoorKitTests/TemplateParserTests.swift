@testable import OneDoorKit
import Testing

@Suite struct TemplateParserTests {
    private func failure(_ source: String) -> TemplateError? {
        do {
            _ = try TemplateParser.parse(source, file: "page.mustache")
            return nil
        } catch {
            return error
        }
    }

    @Test func anUnclosedSectionIsReportedWhereItOpens() throws {
        let error = try #require(failure("<p>\n  {{#services}}\n<li>{{name}}</li>\n"))
        #expect(error.location == SourceLocation(file: "page.mustache", line: 2, column: 3))
        #expect(error.message.contains("`services` is never closed"))
    }

    @Test func aClosingTagMustMatchTheOpenSection() throws {
        let error = try #require(failure("{{#a}}\n{{#b}}{{/a}}"))
        #expect(error.location.line == 2 && error.location.column == 7)
        #expect(error.message.contains("does not close the open section `b`"))
        #expect(try #require(failure("text {{/a}}")).message.contains("never opened"))
    }

    @Test func anUnterminatedTagIsReported() throws {
        let error = try #require(failure("ok\n<p>{{name</p>"))
        #expect(error.location.line == 2 && error.location.column == 4)
        #expect(error.message.contains("never closed"))
    }

    @Test func unknownTransformsAndEmptyNamesAreReported() throws {
        #expect(try #require(failure("{{#shout(name)}}{{/shout(name)}}")).message.contains("`shout` is not a transform"))
        #expect(try #require(failure("{{ }}")).message.contains("names nothing"))
        #expect(try #require(failure("{{a..b}}")).message.contains("not a name"))
        #expect(try #require(failure("{{=<%>=}}")).message.contains("two delimiters"))
    }

    @Test func namesKeepTheirPathAndTransform() throws {
        let template = try TemplateParser.parse("{{ site.title }}{{^empty(list)}}{{/empty(list)}}{{.}}", file: "t")
        guard case let .variable(name, escaped) = template.nodes[0] else { Issue.record("not a variable"); return }
        #expect(name == Template.Name(path: ["site", "title"], transforms: []) && escaped)
        guard case let .section(list, _, inverted) = template.nodes[1] else { Issue.record("not a section"); return }
        #expect(list == Template.Name(path: ["list"], transforms: [.empty]) && inverted)
        guard case let .variable(dot, _) = template.nodes[2] else { Issue.record("not a variable"); return }
        #expect(dot.path.isEmpty)
    }

    @Test func spacesInsideANameAreAnErrorNotAnEmptyValue() throws {
        // `{{#empty( list )}}` used to be read as a name that is never set, so the section always showed.
        let spaced = try #require(failure("<ul>\n{{#empty( list )}}{{/empty( list )}}"))
        #expect(spaced.location == SourceLocation(file: "page.mustache", line: 2, column: 1))
        #expect(spaced.message.contains("write it without spaces, as `empty(list)`"))
        #expect(try #require(failure("{{first name}}")).message.contains("not a name"))
        #expect(try #require(failure("{{> page header}}")).message.contains("not a template name"))
    }

    @Test func transformsChainInnermostFirstAndMistakesInThemAreReported() throws {
        let template = try TemplateParser.parse("{{uppercased(reversed(name))}}", file: "t")
        guard case let .variable(name, _) = template.nodes[0] else { Issue.record("not a variable"); return }
        #expect(name == Template.Name(path: ["name"], transforms: [.uppercased, .reversed]))
        #expect(try #require(failure("{{uppercased(shout(name))}}")).message.contains("`shout` is not a transform"))
        #expect(try #require(failure("{{count(list}}")).message.contains("never closed"))
        #expect(try #require(failure("{{count(list))}}")).message.contains("closes nothing"))
        #expect(try #require(failure("{{count(first())}}")).message.contains("say which value"))
    }

    @Test func partialsNamedAsWrittenAreRecordedWithTheirPlace() throws {
        let template = try TemplateParser.parse("a\n  {{> header}}\n{{>*dynamic}}{{<page}}{{/page}}", file: "t")
        #expect(template.partials.map(\.name) == ["header", "page"])
        #expect(template.partials.first?.location == SourceLocation(file: "t", line: 2, column: 3))
    }
}

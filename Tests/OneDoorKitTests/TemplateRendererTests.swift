@testable import OneDoorKit
import Testing

@Suite struct TemplateRendererTests {
    /// Renders `main` with the other templates available as partials.
    private func render(_ main: String, _ values: [String: (any TemplateRepresentable)?] = [:],
                        partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try TemplateParser.parse(main, file: "main.mustache")]
        for (name, source) in partials { templates[name] = try TemplateParser.parse(source, file: "\(name).mustache") }
        return String(decoding: TemplateRenderer(templates: templates).render("main", TemplateValues(values)), as: UTF8.self)
    }

    @Test func variablesAreEscapedForHTMLUnlessTripleOrAmpersand() throws {
        let values = ["x": "<a href=\"#\">Tom & Jerry's</a>"]
        #expect(try render("{{x}}", values) == "&lt;a href=&quot;#&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(try render("{{{x}}}|{{& x}}", values) == "<a href=\"#\">Tom & Jerry's</a>|<a href=\"#\">Tom & Jerry's</a>")
    }

    @Test func escapingWorksOnBytesSoCombiningMarksCannotHideATag() throws {
        #expect(try render("{{x}}", ["x": "<\u{338}script>é"]) == "&lt;\u{338}script&gt;é")
    }

    @Test func numbersFlagsAndListsPrintAsText() throws {
        #expect(try render("{{n}} {{b}} {{l}} {{missing}}.", ["n": 42, "b": false, "l": ["a", "b"]]) == "42 false a, b .")
    }

    @Test func sectionsRepeatOverListsAndShowOnceForOtherValues() throws {
        let values: [String: (any TemplateRepresentable)?] = [
            "items": [TemplateValues(["name": "a"]), TemplateValues(["name": "b"])],
            "yes": true, "no": false, "empty": [String](), "text": "", "zero": 0,
            "person": TemplateValues(["name": "Ann"]),
        ]
        #expect(try render("{{#items}}[{{name}}]{{/items}}", values) == "[a][b]")
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{/empty}}{{#missing}}M{{/missing}}", values) == "Y")
        // Mustache's truth: empty text and zero are values, so they show the section.
        #expect(try render("{{#text}}T{{/text}}{{#zero}}0{{/zero}}", values) == "T0")
        #expect(try render("{{#person}}{{name}}{{/person}}", values) == "Ann")
        #expect(try render("{{^no}}N{{/no}}{{^empty}}E{{/empty}}{{^missing}}M{{/missing}}{{^yes}}Y{{/yes}}", values) == "NEM")
    }

    @Test func namesAreFoundInOuterSectionsAndThroughDots() throws {
        let values: [String: (any TemplateRepresentable)?] = [
            "root": "../", "site": TemplateValues(["title": "Portal"]),
            "services": [TemplateValues(["href": "a.html"])], "words": ["x", "y"],
        ]
        #expect(try render("{{#services}}{{root}}{{href}} {{site.title}}{{/services}}", values) == "../a.html Portal")
        #expect(try render("{{#words}}<{{.}}>{{/words}}", values) == "<x><y>")
        #expect(try render("{{site.missing.deeper}}|{{root.length}}", values) == "|")
    }

    @Test func aValueThatIsNotSetHidesTheSameNameFurtherOut() throws {
        // A walk-in channel has no link; the support model around it does, and must not lend it its own.
        let values: [String: (any TemplateRepresentable)?] = [
            "href": "support-models/standard.html",
            "channels": [TemplateValues(["value": "Room 1", "href": nil]), TemplateValues(["value": "Desk", "href": "tel:1"])],
        ]
        let template = "{{#channels}}{{#href}}<a href=\"{{href}}\">{{value}}</a>{{/href}}{{^href}}{{value}}{{/href}};{{/channels}}"
        #expect(try render(template, values) == "Room 1;<a href=\"tel:1\">Desk</a>;")
        #expect(try render("[{{unset}}]{{#empty(unset)}}empty{{/empty(unset)}}{{^empty(unset)}}none{{/empty(unset)}}", ["unset": nil])
                == "[]none")
    }

    @Test func standaloneTagsTakeTheirWholeLineWithThem() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
        #expect(try render(template, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render("a {{#yes}}\nb\n{{/yes}} c", ["yes": true]) == "a \nb\n c")
        #expect(try render("a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\n", ["yes": true]) == "a\r\nb\r\n")
    }

    @Test func partialsAloneOnTheirLineAreIndented() throws {
        let partials = ["item": "<li>\n{{{content}}}\n</li>\n"]
        #expect(try render("<ul>\n  {{> item}}\n</ul>", ["content": "x\ny"], partials: partials)
                == "<ul>\n  <li>\n  x\ny\n  </li>\n</ul>")
        #expect(try render("[{{> item}}]", ["content": "x"], partials: partials) == "[<li>\nx\n</li>\n]")
        #expect(try render("[{{> nothing}}]") == "[]")
    }

    @Test func partialsThatIncludeThemselvesStopAtTheDepthLimit() throws {
        let output = try render("{{> loop}}", partials: ["loop": "x{{> loop}}"])
        #expect(output == String(repeating: "x", count: TemplateRenderer.maximumDepth))
    }

    @Test func delimitersCanBeChanged() throws {
        #expect(try render("{{=<% %>=}}<% x %> {{x}} <%={{ }}=%>{{x}}", ["x": "1"]) == "1 {{x}} 1")
    }

    @Test func parentsReplaceTheirBlocks() throws {
        let partials = ["page": "<h1>{{$title}}Untitled{{/title}}</h1>{{$body}}Empty{{/body}}"]
        #expect(try render("{{<page}}{{$title}}Hello {{name}}{{/title}}ignored{{/page}}", ["name": "Ann"], partials: partials)
                == "<h1>Hello Ann</h1>Empty")
    }

    @Test func transformsWorkOnListsTextAndNumbers() throws {
        let values: [String: (any TemplateRepresentable)?] = ["list": ["a", "b", "c"], "none": [String](), "n": 0, "name": "ann"]
        #expect(try render("{{^empty(list)}}has{{/empty(list)}}{{#empty(none)}} none{{/empty(none)}}", values) == "has none")
        #expect(try render("{{count(list)}} {{first(list)}} {{last(list)}} {{reversed(list)}}", values) == "3 a c c, b, a")
        #expect(try render("{{uppercased(name)}} {{capitalized(name)}} {{plusone(n)}}{{#equalzero(n)}} zero{{/equalzero(n)}}", values)
                == "ANN Ann 1 zero")
        #expect(try render("{{#list}}{{.}}{{^last()}},{{/last()}}{{/list}}", values) == "a,b,c")
        // As in swift-mustache: a value that is not there is not transformed, so it is not `empty` either.
        #expect(try render("{{#empty(missing)}}nothing{{/empty(missing)}}{{^empty(missing)}}not there{{/empty(missing)}}")
                == "not there")
    }

    @Test func transformsAreSwiftMustaches() throws {
        let values: [String: (any TemplateRepresentable)?] = [
            "title": "hello wORLD", "words": ["pear", "apple"], "numbers": [3, 1, 2], "n": 3,
            "team": TemplateValues(["b": "2", "a": "1"]),
        ]
        // `capitalized` is Foundation's: each word's first letter up, the others down.
        #expect(try render("{{capitalized(title)}}|{{uppercased(reversed(title))}}", values) == "Hello World|DLROW OLLEH")
        #expect(try render("{{sorted(words)}}|{{sorted(numbers)}}|{{count(team)}}", values) == "apple, pear|1, 2, 3|2")
        #expect(try render("{{#sorted(team)}}{{key}}={{value}};{{/sorted(team)}}", values) == "a=1;b=2;")
        #expect(try render("{{#odd(n)}}odd{{/odd(n)}}{{minusone(n)}}", values) == "odd2")
        // A transform the value does not have gives nothing: text has no count, a number no `empty`.
        #expect(try render("[{{count(title)}}]{{#empty(n)}}E{{/empty(n)}}{{^empty(n)}}not E{{/empty(n)}}", values) == "[]not E")
    }

    @Test func dynamicPartialsTakeTheirNameFromAValue() throws {
        let partials = ["card": "<{{name}}>", "row": "[{{name}}]"]
        let values: [String: (any TemplateRepresentable)?] = [
            "items": [TemplateValues(["kind": "card", "name": "a"]), TemplateValues(["kind": "row", "name": "b"]),
                      TemplateValues(["kind": "none", "name": "c"])],
        ]
        #expect(try render("{{#items}}{{>*kind}}{{/items}}", values, partials: partials) == "<a>[b]")
    }

    @Test func standaloneBlocksAreReindentedWhereTheyAreShown() throws {
        let partials = ["page": "<main>\n  {{$body}}\n  {{/body}}\n</main>\n"]
        let template = "{{<page}}\n{{$body}}\n    <p>one</p>\n    <p>two</p>\n{{/body}}\n{{/page}}\n"
        #expect(try render(template, partials: partials) == "<main>\n  <p>one</p>\n  <p>two</p>\n</main>\n")
    }

    /// A level of few values keeps them as fields, one of many as a dictionary: both find the same
    /// names, keep the last of a name given twice, and compare equal whatever their order.
    @Test(arguments: [3, 40]) func fewValuesAndManyAreFoundAlike(count: Int) throws {
        let names = (0..<count).map { "name\($0)" }
        var values = TemplateValues(Dictionary(uniqueKeysWithValues: names.map { ($0, "v-\($0)" as (any TemplateRepresentable)?) }))
        #expect(values["name1"] == .string("v-name1") && values["other"] == nil && values.count == count)
        values = values.adding(["name1": "changed", "added": true])
        #expect(values["name1"] == .string("changed") && values["added"] == .bool(true) && values.count == count + 1)
        let reversed = TemplateValues(Dictionary(uniqueKeysWithValues: values.all.reversed().map { ($0.name, $0.value as (any TemplateRepresentable)?) }))
        #expect(reversed == values && reversed != values.adding(["added": false]))
        #expect(TemplateValues(values: ["x": .int(1), "x": .int(2)])["x"] == .int(2))
        #expect(try render("{{#v}}{{name1}} {{added}}{{/v}} {{count(v)}}", ["v": values]) == "changed true \(count + 1)")
    }
}

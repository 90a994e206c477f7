import Foundation
@testable import OneDoorKit
import Testing

/// The official Mustache specification's tests (`Fixtures/mustache-spec/`, MIT licence), every module
/// but lambdas, which need code in the data: the template engine is Mustache, not something like it.
@Suite struct MustacheSpecTests {
    /// One test of the specification.
    struct SpecTest: CustomTestStringConvertible, Sendable {
        let module: String
        let name: String
        let template: String
        let partials: [String: String]
        let data: TemplateValue
        let expected: String

        var testDescription: String { "\(module): \(name)" }
    }

    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections",
                          "~inheritance", "~dynamic-names"]

    static let tests: [SpecTest] = modules.flatMap { module -> [SpecTest] in
        let url = Bundle.module.url(forResource: "Fixtures/mustache-spec/\(module)", withExtension: "json")!
        let file = try! JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
        return file.tests.map { test in
            SpecTest(module: module, name: test.name, template: test.template, partials: test.partials ?? [:],
                     data: test.data.templateValue, expected: test.expected)
        }
    }

    @Test(arguments: tests) func rendersAsTheSpecificationSays(_ test: SpecTest) throws {
        var templates = ["main": try TemplateParser.parse(test.template, file: "main.mustache")]
        for (name, source) in test.partials {
            templates[name] = try TemplateParser.parse(source, file: "\(name).mustache")
        }
        let output = TemplateRenderer(templates: templates).render("main", root: test.data)
        #expect(String(decoding: output, as: UTF8.self) == test.expected, "\(test.template.debugDescription)")
    }

    /// The spec's data, as JSON.
    enum JSON: Decodable {
        case null, bool(Bool), number(Double), string(String), list([JSON]), object([String: JSON])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else if let text = try? container.decode(String.self) { self = .string(text) }
            else if let list = try? container.decode([JSON].self) { self = .list(list) }
            else { self = .object(try container.decode([String: JSON].self)) }
        }

        /// As template values; numbers with a fraction are shown as JSON writes them.
        var templateValue: TemplateValue {
            switch self {
            case .null: .null
            case let .bool(flag): .bool(flag)
            case let .number(number): number == number.rounded() ? .int(Int(number)) : .string("\(number)")
            case let .string(text): .string(text)
            case let .list(items): .list(items.map(\.templateValue))
            case let .object(values): .object(TemplateValues(values.mapValues(\.templateValue)))
            }
        }
    }

    struct SpecFile: Decodable {
        struct Test: Decodable {
            let name: String
            let template: String
            let partials: [String: String]?
            let data: JSON
            let expected: String
        }
        let tests: [Test]
    }
}

import Foundation
@testable import OneDoorKit
import Testing

@Suite struct CatalogueJSONTests {
    @Test func startsWithItsFormatAndVersionAndSortsServicesByID() throws {
        let json = try renderFixture()["catalogue.json"]!.text
        #expect(json.hasPrefix("{\n  \"format\": \"onedoor-catalogue\",\n  \"version\": 1,\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let services = try #require(object["services"] as? [[String: Any]])
        #expect(services.map { $0["id"] as? String } == ["hosting", "laptops"])
        #expect(services[1]["depends_on"] as? [String] == ["hosting"])
        #expect(services[0]["used_by"] as? [String] == ["laptops"])
        #expect(services[1]["last_reviewed"] as? String == "2026-05-01")
        #expect(!json.contains("generated"))
    }

    @Test func aLargeCatalogueWrittenAFewServicesAtATimeIsTheWholeValuesBytes() throws {
        // Services with results enough for several parts of the file: the file streamed a few services
        // at a time is the whole catalogue's JSON as one value writes it.
        let ids = (0..<519).map { String(format: "service-%03d", $0) }
        let fixture = try FixtureCatalogue(files: Dictionary(uniqueKeysWithValues: ids.map { ("services/\($0).md", serviceFile(["name": $0])) })
            .merging(["performance/2026.csv": "period,service,priority,resolved,within_target\n"
                + ids.enumerated().map { "2026-Q1,\($1),p1,\($0 + 1),\($0)" }.joined(separator: "\n") + "\n"]) { $1 })
        defer { fixture.remove() }
        let output = OutputFiles()
        let built = try fixture.pipeline().build(into: output)
        let written = try #require(output.files.first { $0.path == "catalogue.json" }).bytes
        #expect(written == CatalogueJSON(index: SiteIndex(built.checked.catalogue, now: 0)).json.bytes() + [0x0A])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(written)) as? [String: Any])
        let services = try #require(object["services"] as? [[String: Any]])
        #expect(services.compactMap { $0["id"] as? String }.filter { $0.hasPrefix("service-") } == ids)
    }

    @Test func aRowsLevelsAndPeriodsAreWrittenAsSwiftsOwnTextWritesThem() {
        let odd: [Double] = [1.0 / 3, 200.0 / 3, 99.999, 0.001, 1e13, 1e16, 123_456_789.12]
        let levels: [Double] = (0...20_000).map { Double($0) / 100 } + odd
        for level in levels {
            var row = JSONValue.Row()
            row.add("achieved", number: level)
            #expect(row.finished().serialized() == "{\"achieved\": " + JSONValue.number(level).serialized() + "}")
        }
        for text in ["2026", "2026-Q1", "2026-Q4", "2026-01", "2026-09", "2026-10", "2026-12", "1999-Q2"] {
            var row = JSONValue.Row()
            row.add("period", Period(text)!.description)
            #expect(row.finished().serialized() == "{\"period\": \"\(text)\"}")
        }
    }

    @Test func numbersAreWrittenAsWrittenInTheSource() {
        #expect(JSONValue.number(95).serialized() == "95")
        #expect(JSONValue.number(99.9).serialized() == "99.9")
    }

    @Test func stringsAreSafeInsideAScriptElement() {
        #expect(JSONValue.string("</script>\u{2028}\"\\\n").serialized() == #""\u003c/script\u003e\u2028\"\\\n""#)
    }

    @Test func aRowWrittenFieldByFieldReadsAsAFlatObjectInATable() {
        var row = JSONValue.Row()
        row.add("period", "2026-Q1")
        row.add("customer", nil as String?)
        row.add("resolved", 14)
        row.add("achieved", number: 92.86)
        row.add("target", number: 99)
        row.add("met", false)
        row.add("note", "a \"quoted\" <b>")
        let object = JSONValue.object([("period", .string("2026-Q1")), ("resolved", .int(14)), ("achieved", .double(92.86)),
                                       ("target", .int(99)), ("met", .bool(false)), ("note", .string("a \"quoted\" <b>"))])
        let written = JSONValue.array([row.finished()]).serialized()
        #expect(written == JSONValue.array([object]).serialized())
        #expect(written == #"""
            [
              {"period": "2026-Q1", "resolved": 14, "achieved": 92.86, "target": 99, "met": false, "note": "a \"quoted\" \u003cb\u003e"}
            ]
            """#)
    }
}

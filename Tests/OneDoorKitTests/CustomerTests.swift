import Foundation
@testable import OneDoorKit
import Testing

/// `customers` in catalogue.yaml: the ids of performance files and notices checked, their names shown.
@Suite struct CustomerTests {
    /// The minimal fixture's catalogue.yaml with `customers` added.
    private static func settings(_ customers: String) throws -> String {
        let url = Bundle.module.url(forResource: "Fixtures/minimal/catalogue.yaml", withExtension: nil)!
        return try String(contentsOf: url, encoding: .utf8) + "customers:\n" + customers
    }

    private static let brentAndLewisham = """
          - id: lbl
            name: London Borough of Lewisham
          - id: lbb
            name: London Borough of Brent

        """

    private static let csv = """
        period,service,priority,customer,resolved,within_target
        2026-Q2,*,p1,lbb,20,19
        2026-Q2,*,p1,lbl,10,10
        2026-Q2,*,p1,,30,29

        """

    @Test func listedCustomersAreTheOnlyOnesAPerformanceFileOrANoticeMayName() throws {
        let fixture = try FixtureCatalogue(files: [
            "catalogue.yaml": try Self.settings(Self.brentAndLewisham),
            "performance/2026.csv": Self.csv + "2026-Q3,*,p1,lbw,5,5\n",
            "notices/outage.md": noticeFile(["customers": "[lbb, lbx]"]),
        ])
        defer { fixture.remove() }
        #expect(try fixture.check().map(\.description) == [
            "notices/outage.md:7:18: error: unknown customer 'lbx' (did you mean 'lbb'?)",
            "performance/2026.csv:5:14: error: unknown customer 'lbw' (did you mean 'lbb'?)",
        ])
    }

    @Test func withoutAListAnyCustomerIdWillDo() throws {
        let fixture = try FixtureCatalogue(files: [
            "performance/2026.csv": Self.csv + "2026-Q3,*,p1,lbw,5,5\n", "notices/outage.md": noticeFile(["customers": "[lbx]"]),
        ])
        defer { fixture.remove() }
        #expect(try fixture.check().isEmpty)
    }

    @Test func aCustomerNeedsAnIdOfItsOwnAndAName() throws {
        let fixture = try FixtureCatalogue(files: [
            "catalogue.yaml": try Self.settings("  - id: lbb\n    name: Brent\n  - id: lbb\n    name: Brent again\n  - id: lbl\n    title: Lewisham\n"),
            "performance/2026.csv": "period,service,priority,customer,resolved,within_target\n2026-Q2,*,p1,lbl,10,10\n",
        ])
        defer { fixture.remove() }
        let found = try fixture.check().map(\.description)
        #expect(found.contains("catalogue.yaml:17:5: error: the customer id 'lbb' is already used at catalogue.yaml:15:5; give this one another id"))
        #expect(found.contains { $0.hasPrefix("catalogue.yaml:19:") && $0.contains("customer 'lbl' is missing the required field 'name'") })
        // The entry that could not be read is not reported again where a file names it.
        #expect(!found.contains { $0.contains("unknown customer") })
    }

    @Test func theBoardPackTheReportNoticesAndCatalogueJSONGiveTheirNames() throws {
        let fixture = try FixtureCatalogue(files: [
            "catalogue.yaml": try Self.settings(Self.brentAndLewisham), "performance/2026.csv": Self.csv,
            "notices/outage.md": noticeFile(["customers": "[lbl]"]),
        ])
        defer { fixture.remove() }
        let catalogue = try fixture.pipeline().check().catalogue
        let report = try PerformanceReport(catalogue: catalogue).rendered(as: .markdown)
        // In the order catalogue.yaml lists them.
        #expect(report.contains("| London Borough of Lewisham | 100% met |\n| London Borough of Brent | 95% met |"))
        let output = OutputFiles()
        _ = try fixture.pipeline().build(into: output)
        let page = { (path: String) in output.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? "" }
        let pack = page("performance.html")
        #expect(pack.contains("London Borough of Brent") && !pack.contains(">lbb<"))
        #expect(page("notices/outage.html").contains("London Borough of Lewisham"))
        let json = page("catalogue.json")
        #expect(json.contains(#""customers": ["#) && json.contains(#""id": "lbl""#) && json.contains(#""name": "London Borough of Lewisham""#))
    }

    @Test func aNameGivenInEachLanguageIsShownInEach() throws {
        let url = Bundle.module.url(forResource: "Fixtures/bilingual/catalogue.yaml", withExtension: nil)!
        let fixture = try FixtureCatalogue("bilingual", files: [
            "catalogue.yaml": try String(contentsOf: url, encoding: .utf8) + "customers:\n  - id: lbb\n    name: {en: Brent Council, fr: Conseil de Brent}\n",
            "performance/2026.csv": "period,service,priority,customer,resolved,within_target\n2026-Q2,*,p1,lbb,20,19\n",
        ])
        defer { fixture.remove() }
        let output = OutputFiles()
        _ = try fixture.pipeline().build(into: output)
        let page = { (path: String) in output.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? "" }
        #expect(page("en/performance.html").contains("Brent Council"))
        #expect(page("fr/performance.html").contains("Conseil de Brent"))
    }
}

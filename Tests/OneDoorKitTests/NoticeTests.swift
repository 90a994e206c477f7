import Foundation
@testable import OneDoorKit
import Testing

/// Notices: reading and checking them, where they stand at a moment, and what they reach.
@Suite struct NoticeCheckTests {
    /// The findings of the minimal fixture with these files, as `file:line:column: message`.
    private func findings(_ files: [String: String?]) throws -> [String] {
        let fixture = try FixtureCatalogue(files: files)
        defer { fixture.remove() }
        return try fixture.check().map(\.description)
    }

    @Test func aValidNoticeIsClean() throws {
        #expect(try findings(["notices/outage.md": noticeFile(["end": "2026-05-31 12:00", "customers": "[lbb, lbl]", "reference": "MIR1",
                                                              "updates": "[{at: 2026-05-31 10:00, text: Working on it.}]"])]) == [])
    }

    @Test func eachRuleOfTheFormatIsReportedAtItsLine() throws {
        let cases: [(fields: [String: String], expected: String)] = [
            (["services": "[hostng]"], "notices/outage.md:5:12: error: unknown service 'hostng' (did you mean 'hosting'?)"),
            (["kind": "planned-change", "end": "2026-06-01 10:00"], "notices/outage.md:4:11: error: only incidents have a severity, and 'outage' is a planned change; remove 'severity'"),
            (["kind": "announcement"], "notices/outage.md:4:11: error: only incidents have a severity, and 'outage' is a announcement; remove 'severity'"),
            (["kind": "planned-change", "severity": ""], "notices/outage.md:2:1: error: planned change 'outage' is missing the required field 'end'; add a line 'end: YYYY-MM-DD HH:MM' for when the work ends"),
            (["updates": "\n  - at: 2026-05-31 09:00\n    text: Early."], "notices/outage.md:8:9: error: this update (2026-05-31 09:00) is before the notice's 'start' (2026-05-31 09:30); correct its time, or move 'start' earlier"),
            (["end": "2026-05-31 10:00", "updates": "\n  - at: 2026-05-31 11:00\n    text: Late."], "notices/outage.md:9:9: error: this update (2026-05-31 11:00) is after the notice's 'end' (2026-05-31 10:00); correct its time, or move 'end' later"),
            (["start": "2026-05-31 9:30"], "notices/outage.md:6:8: error: 'start' must be a real date and time written YYYY-MM-DD HH:MM (24-hour clock, the catalogue's time zone), such as 2018-11-05 09:30, not '2026-05-31 9:30'"),
            (["start": "2026-02-30 09:30"], "notices/outage.md:6:8: error: 'start' must be a real date and time written YYYY-MM-DD HH:MM (24-hour clock, the catalogue's time zone), such as 2018-11-05 09:30, not '2026-02-30 09:30'"),
            (["end": "2026-05-31 24:00"], "notices/outage.md:7:6: error: 'end' must be a real date and time written YYYY-MM-DD HH:MM (24-hour clock, the catalogue's time zone), such as 2018-11-05 09:30, not '2026-05-31 24:00'"),
            (["kind": "outage"], "notices/outage.md:3:7: error: 'kind' must be one of incident, planned-change, announcement, not 'outage'"),
            (["severity": "critical"], "notices/outage.md:4:11: error: 'severity' must be one of major, minor, not 'critical'"),
            (["services": ""], "notices/outage.md:2:1: error: notice 'outage' is missing the required field 'services'; add a line 'services: …'"),
            (["title": String(repeating: "x", count: 121)], "notices/outage.md:2:8: error: 'title' has 121 characters; shorten it to 120 at most"),
            (["servics": "[hosting]"], "notices/outage.md:7:1: error: unknown field 'servics' in notice 'outage' (did you mean 'services'?)"),
            (["customers": "[Lambeth Council]"], "notices/outage.md:7:13: error: 'Lambeth Council' is not a valid id: use lower-case letters a-z and digits, words joined by single hyphens, at most 64 characters (did you mean 'lambeth-council'?)"),
        ]
        for (fields, expected) in cases {
            #expect(try findings(["notices/outage.md": noticeFile(fields)]) == [expected], "\(fields)")
        }
    }

    @Test func aNoticeThatCannotBeReadWholeStillHasItsServicesChecked() throws {
        #expect(try findings(["notices/outage.md": noticeFile(["services": "[hostng]", "start": "2026-05-31 25:00"])]) == [
            "notices/outage.md:5:12: error: unknown service 'hostng' (did you mean 'hosting'?)",
            "notices/outage.md:6:8: error: 'start' must be a real date and time written YYYY-MM-DD HH:MM (24-hour clock, the catalogue's time zone), such as 2018-11-05 09:30, not '2026-05-31 25:00'",
        ])
    }

    @Test func aBrokenLinkInANoticeIsFound() throws {
        #expect(try findings(["notices/outage.md": noticeFile(body: "\nSee [laptops](service:laptop).\n")]) == [
            "notices/outage.md:9:15: error: the link 'service:laptop' names no service (did you mean 'laptops'?); link to the id of a file in services/",
        ])
    }

    @Test func anAnnouncementNeedsNoService() throws {
        #expect(try findings(["notices/news.md": noticeFile(["kind": "announcement", "severity": "", "services": ""])]) == [])
    }

    @Test func aTimeZoneMustBeOneIANAKnows() throws {
        let fixture = try FixtureCatalogue()
        defer { fixture.remove() }
        let settings = try String(contentsOf: fixture.folder.appendingPathComponent("catalogue.yaml"), encoding: .utf8)
        try fixture.write("catalogue.yaml", Data((settings + "timezone: America/Halifx\n").utf8))
        #expect(try fixture.check().map(\.description) == [
            "catalogue.yaml:14:11: error: 'timezone' must be an IANA time zone such as America/Halifax, Europe/London or UTC, not 'America/Halifx' (did you mean 'America/Halifax'?)",
        ])
    }

    @Test func aNoticeFileWithoutFrontMatterSaysSo() throws {
        #expect(try findings(["notices/outage.md": "Hosting is down.\n"]) == [
            "notices/outage.md:1:1: error: a notice must start with a '---' line, then its fields in YAML, then another '---' line",
        ])
    }
}

@Suite struct NoticeBoardTests {
    /// The minimal fixture plus Printing, which depends on Laptops, which depends on Hosting.
    private func board(_ notices: [String: String], now: String, timeZone: String = "UTC") throws -> NoticeBoard {
        var files: [String: String?] = ["services/desk/printing.md": serviceFile(["depends_on": "[laptops]"])]
        for (id, text) in notices { files["notices/\(id).md"] = text }
        let fixture = try FixtureCatalogue(files: files)
        defer { fixture.remove() }
        let settings = try String(contentsOf: fixture.folder.appendingPathComponent("catalogue.yaml"), encoding: .utf8)
        try fixture.write("catalogue.yaml", Data((settings + "timezone: \(timeZone)\n").utf8))
        let loaded = try fixture.load()
        #expect(loaded.diagnostics == [])
        let zone = CatalogueTimeZone(identifier: timeZone)!
        return NoticeBoard(catalogue: loaded.catalogue, now: zone.secondsSince1970(of: LocalTime(now)!))
    }

    @Test func anIncidentReachesThroughAChainOfThreeServices() throws {
        let board = try board(["outage": noticeFile()], now: "2026-05-31 12:00")
        #expect(board.states["hosting"] == .disrupted(["outage"]))
        #expect(board.states["laptops"] == .mayBeAffected(through: ["laptops", "hosting"]))
        #expect(board.states["printing"] == .mayBeAffected(through: ["printing", "laptops", "hosting"]))
        #expect(board.reach(of: board.entries[0].notice).map(\.service) == ["laptops", "printing"])
    }

    @Test func aPlannedChangeInProgressIsMaintenanceAndAnIncidentOutranksIt() throws {
        let change = noticeFile(["kind": "planned-change", "severity": "", "services": "[laptops, hosting]", "end": "2026-05-31 18:00"])
        let board = try board(["change": change, "outage": noticeFile(["services": "[laptops]"])], now: "2026-05-31 12:00")
        #expect(board.states["laptops"] == .disrupted(["outage"]))
        #expect(board.states["hosting"] == .maintenance(["change"]))
        #expect(board.states["printing"] == .mayBeAffected(through: ["printing", "laptops"]))
    }

    @Test func aNoticeThatEndedYesterdayIsHistory() throws {
        let board = try board(["outage": noticeFile(["end": "2026-05-30 11:00", "start": "2026-05-30 09:30"])], now: "2026-05-31 09:00")
        #expect(board.entries.map(\.phase) == [.past])
        #expect(board.active.isEmpty)
        #expect(board.states.isEmpty)
    }

    @Test func anOpenIncidentStaysCurrentAndEndsAtItsEnd() throws {
        #expect(try board(["outage": noticeFile(["start": "2025-01-01 09:30"])], now: "2026-05-31 09:00").entries.map(\.phase) == [.current])
        let ending = noticeFile(["end": "2026-05-31 10:00"])
        #expect(try board(["outage": ending], now: "2026-05-31 09:59").entries.map(\.phase) == [.current])
        #expect(try board(["outage": ending], now: "2026-05-31 10:00").entries.map(\.phase) == [.past])
    }

    @Test func aPlannedChangeIsUpcomingInTheFourteenDaysBeforeItStarts() throws {
        let change = noticeFile(["kind": "planned-change", "severity": "", "start": "2026-06-14 22:00", "end": "2026-06-15 02:00"])
        #expect(try board(["change": change], now: "2026-05-31 22:00").entries.map(\.phase) == [.upcoming])
        #expect(try board(["change": change], now: "2026-05-31 21:59").entries.map(\.phase) == [.scheduled])
        #expect(try board(["change": change], now: "2026-06-14 22:00").entries.map(\.phase) == [.current])
        let upcoming = try board(["change": change], now: "2026-06-01 09:00")
        #expect(upcoming.states.isEmpty)
        #expect(upcoming.active(naming: "hosting").map(\.notice.id) == ["change"])
    }

    @Test func timesAreReadInTheCatalogueTimeZone() throws {
        // 09:30 in Halifax in May is 12:30 UTC (daylight time, UTC−3).
        let board = try board(["outage": noticeFile()], now: "2026-05-31 09:29", timeZone: "America/Halifax")
        #expect(board.entries[0].start == Day("2026-05-31")!.daysSince1970 * 86_400 + (12 * 60 + 30) * 60)
        #expect(board.entries[0].phase == .scheduled)
    }

    @Test func newestFirst() throws {
        let board = try board([
            "b-old": noticeFile(["start": "2026-05-01 09:00", "end": "2026-05-01 10:00"]),
            "a-new": noticeFile(["start": "2026-05-20 09:00", "end": "2026-05-20 10:00"]),
            "c-new": noticeFile(["start": "2026-05-20 09:00", "end": "2026-05-20 11:00"]),
        ], now: "2026-05-31 12:00")
        #expect(board.entries.map(\.notice.id) == ["a-new", "c-new", "b-old"])
    }

    @Test func theFeedTimeIsTheLatestUpdateSoFar() throws {
        let notice = noticeFile(["end": "2026-05-31 14:00", "updates": "[{at: 2026-05-31 10:00, text: A.}, {at: 2026-05-31 11:00, text: B.}]"])
        let zone = CatalogueTimeZone.utc
        #expect(try board(["outage": notice], now: "2026-05-31 10:30").entries[0].updated == zone.secondsSince1970(of: LocalTime("2026-05-31 10:00")!))
        #expect(try board(["outage": notice], now: "2026-06-01 00:00").entries[0].updated == zone.secondsSince1970(of: LocalTime("2026-05-31 14:00")!))
    }
}

@Suite struct LocalTimeTests {
    @Test func readsOnlyRealTimes() {
        #expect(LocalTime("2018-11-05 09:30")?.description == "2018-11-05 09:30")
        #expect(LocalTime("2018-11-05 23:59")?.minuteOfDay == 1439)
        for text in ["2018-11-05", "2018-11-05 9:30", "2018-11-05T09:30", "2018-11-05 24:00", "2018-11-05 09:60", "2018-02-29 09:00", "2018-11-05 09:30:00"] {
            #expect(LocalTime(text) == nil, "\(text)")
        }
    }

    @Test func clockTimesBecomeMomentsThroughDaylightSavingChanges() {
        let halifax = CatalogueTimeZone(identifier: "America/Halifax")!
        let utc = { (text: String) in CatalogueTimeZone.utc.secondsSince1970(of: LocalTime(text)!) }
        #expect(halifax.secondsSince1970(of: LocalTime("2018-11-05 09:30")!) == utc("2018-11-05 13:30"))
        #expect(halifax.secondsSince1970(of: LocalTime("2018-07-05 09:30")!) == utc("2018-07-05 12:30"))
        // 2026-03-08 02:30 does not exist in Halifax (clocks go from 02:00 to 03:00): read at the offset before.
        #expect(halifax.secondsSince1970(of: LocalTime("2026-03-08 02:30")!) == utc("2026-03-08 06:30"))
        // 2026-11-01 01:30 happens twice (clocks go back from 02:00 to 01:00): the first.
        #expect(halifax.secondsSince1970(of: LocalTime("2026-11-01 01:30")!) == utc("2026-11-01 04:30"))
        #expect(halifax.localTime(atSecondsSince1970: utc("2018-11-05 13:30")).description == "2018-11-05 09:30")
        #expect(halifax.rfc3339(atSecondsSince1970: utc("2018-07-05 12:30")) == "2018-07-05T09:30:00-03:00")
        #expect(CatalogueTimeZone(identifier: "Asia/Kolkata")!.offsetName(at: 0) == "UTC+5:30")
        #expect(halifax.offsetName(at: utc("2018-11-05 13:30")) == "UTC\u{2212}4")
    }
}

@Suite struct StableIDTests {
    @Test func isFNV1a128ShapedAsAUUID() {
        // The FNV test vectors: FNV-1a 128 of "" is 6c62272e07bb014262b821756295c58d, of "a" d228cb696f1a8caf78912b704e4a8964.
        #expect(StableID.urn("") == "urn:uuid:6c62272e-07bb-8142-a2b8-21756295c58d")
        #expect(StableID.urn("a") == "urn:uuid:d228cb69-6f1a-8caf-b891-2b704e4a8964")
        #expect(StableID.urn("notice\noutage") != StableID.urn("notice\noutages"))
    }
}

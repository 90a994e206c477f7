import Foundation
@testable import OneDoorKit
import Testing

/// The `noticed` fixture at midnight UTC on 2026-06-01 (21:00 on 31 May in Halifax): Hosting has an open
/// major incident, Laptops depends on Hosting and Printing on Laptops; a planned change on Printing
/// starts within 14 days, another on Laptops later; a minor incident ended the day before; an
/// announcement runs.
@Suite struct NoticePagesTests {
    private func page(_ path: String, now: Int? = nil, files: [String: String?] = [:]) throws -> String {
        let fixture = try FixtureCatalogue("noticed", files: files)
        defer { fixture.remove() }
        let output = OutputFiles()
        let built = try Pipeline(folder: fixture.folder, today: FixtureCatalogue.today, now: now).build(into: output)
        #expect(!built.checked.hasErrors, "\(built.checked.findings)")
        let file = try #require(output.files.first { $0.path == path }, "\(path) was not written")
        return String(decoding: file.bytes, as: UTF8.self)
    }

    private func links(_ html: String, under prefix: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.filter { $0.contains(prefix) }
    }

    @Test func theHomePageListsWhatIsCurrentAndComingNewestFirst() throws {
        let home = try page("index.html")
        #expect(links(home, under: "notices/") == ["notices/printer-firmware.html", "notices/hosting-down.html", "notices/new-portal.html"])
        #expect(home.contains("As of <time datetime=\"2026-05-31T21:00-03:00\">31 May 2026, 21:00</time>, when this portal was built."))
    }

    @Test func whenNothingIsHappeningTheHomePageSaysSoCalmly() throws {
        let later = Day("2026-09-01")!.daysSince1970 * 86_400
        let resolved = noticeFile(["end": "2026-06-01 12:00"])
        let home = try page("index.html", now: later, files: ["notices/hosting-down.md": resolved])
        #expect(home.contains("No incidents or planned work right now: every service is running as usual."))
        #expect(links(home, under: "notices/").isEmpty)
    }

    @Test func everyNoticeIsListedNewestFirstByWhereItStands() throws {
        let list = try page("notices.html")
        #expect(links(list, under: "notices/") == [
            "notices/printer-firmware.html", "notices/hosting-down.html", "notices/new-portal.html",  // now and coming up
            "notices/laptop-refresh.html",  // further ahead
            "notices/laptop-sign-in.html",  // past
        ])
        #expect(list.contains(#"<h2 id="past">Past</h2>"#))
    }

    @Test func aServicePageSaysThroughWhichServiceItMayBeAffected() throws {
        let printing = try page("services/printing.html")
        #expect(printing.contains(#"<h2 id="service-status">This service may be affected.</h2>"#))
        #expect(printing.contains(#"It depends on <a href="../services/laptops.html">Laptops</a>, which depends on <a href="../services/hosting.html">Hosting</a>, which is disrupted."#))
        #expect(printing.contains("notices/printer-firmware.html"), "its own upcoming change")
        let hosting = try page("services/hosting.html")
        #expect(hosting.contains("This service is disrupted.") && hosting.contains("../notices/hosting-down.html"))
        #expect(!hosting.contains("laptop-sign-in"), "a past notice is not at the top")
    }

    @Test func listsShowTheStateBesideEachService() throws {
        let desk = try page("categories/desk.html")
        #expect(desk.components(separatedBy: #"<strong class="tag tag-affected">May be affected</strong>"#).count == 3)
        let aToZ = try page("a-z.html")
        #expect(aToZ.contains(#"<strong class="tag tag-disrupted">Disrupted</strong>"#))
    }

    @Test func theNoticePageHasItsTimelineAndReach() throws {
        let notice = try page("notices/hosting-down.html")
        #expect(notice.contains(#"<li><time datetime="2026-05-31T10:15-03:00">31 May 2026, 10:15</time><p>The supplier is working on a fix.</p></li>"#))
        #expect(notice.contains(#"<a href="../services/printing.html">Printing</a> <span class="small">(depends on Laptops → Hosting)</span>"#))
        #expect(notice.contains("<dt>Resolved</dt><dd>Not yet</dd>"))
        let past = try page("notices/laptop-sign-in.html")
        #expect(past.contains("<dt>Resolved</dt><dd><time datetime=\"2026-05-30T10:00-03:00\">30 May 2026, 10:00</time></dd>"))
    }

    @Test func theNeighbourhoodDrawingNamesTwoLevelsEachWayWithStatesInWords() throws {
        let laptops = try page("services/laptops.html")
        let svg = try #require(laptops.components(separatedBy: "<svg class=\"dependency-map\"").dropFirst().first?.components(separatedBy: "</svg>").first)
        #expect(svg.contains(">Hosting</text>") && svg.contains(">Printing</text>") && svg.contains(">Disrupted</text>"))
        #expect(svg.contains("<desc id=\"dependency-map-desc\">Laptops depends on Hosting. Used by Printing. Laptops: May be affected; Hosting: Disrupted; Printing: May be affected.</desc>"))
    }

    @Test func theFeedEntriesAreWhatTheListSays() throws {
        let feed = try page("notices.xml")
        #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://services.example.test/\">"))
        #expect(feed.contains("<id>https://services.example.test/notices/hosting-down.html</id>"))
        #expect(feed.components(separatedBy: "<entry>").count == 6)
        // Published weeks before it starts, so the feed says so.
        #expect(feed.contains("<published>2026-05-29T09:00:00-03:00</published>\n    <updated>2026-05-29T09:00:00-03:00</updated>"))
    }
}

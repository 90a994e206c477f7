@testable import OneDoorKit
import Testing

@Suite struct ValueTests {
    @Test(arguments: [("15m", 15), ("4h", 240), ("2d", 2880), ("8wh", 480), ("2wd", 960)])
    func durationsReadTheirUnits(_ text: String, _ minutes: Int) throws {
        let duration = try #require(Duration(text))
        #expect(duration.approximateMinutes == minutes)
        #expect(duration.description == text)
    }

    @Test(arguments: ["0h", "4", "h", "4 h", "-4h", "4hours", "1.5h", "04h"])
    func durationsRefuseOtherShapes(_ text: String) {
        #expect(Duration(text) == nil)
    }

    @Test func durationsAreSpelledOutForPeople() {
        #expect(Duration("1wh")?.spelledOut == "1 working hour")
        #expect(Duration("4wh")?.spelledOut == "4 working hours")
    }

    @Test func daysAreRealDates() {
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2026-02-29") == nil)
        #expect(Day("2026-13-01") == nil)
        #expect(Day("26-01-01") == nil)
        #expect(Day("2026-1-011") == nil)
        #expect(Day("2026-01-0a") == nil)
        #expect(Day("2026-00-10") == nil)
        #expect(Day("２０２６-01-01") == nil)
        #expect(Day("2026-05-01")?.description == "2026-05-01")
    }

    @Test func daysCountFrom1970() {
        #expect(Day("1970-01-01")?.daysSince1970 == 0)
        #expect(Day("2026-11-23")?.daysSince1970 == 20_780)
        #expect(Day(secondsSince1970: 20_780 * 86_400 + 3_600) == Day("2026-11-23"))
    }

    @Test func todayFollowsSourceDateEpoch() {
        #expect(Day.today(environment: ["SOURCE_DATE_EPOCH": "0"]) == Day("1970-01-01"))
    }

    @Test(arguments: ["email", "a1", "network-services", String(repeating: "a", count: 64)])
    func validIdentifiers(_ id: String) {
        #expect(Identifier.isValid(id))
    }

    @Test(arguments: ["", "Email", "a--b", "-a", "a-", "a_b", "é", String(repeating: "a", count: 65)])
    func invalidIdentifiers(_ id: String) {
        #expect(!Identifier.isValid(id))
    }

    @Test func serviceLinksMayLeadToAHeadingOfTheService() {
        #expect(ServiceLink("service:email") == ServiceLink("SERVICE:email"))
        #expect(ServiceLink("service:email").map(SitePaths.href) == "../services/email.html")
        #expect(ServiceLink("service:email#who-can-ask")?.id == "email")
        #expect(ServiceLink("service:email#who-can-ask").map(SitePaths.href) == "../services/email.html#who-can-ask")
        #expect(ServiceLink("https://example.gov/service:email") == nil)
    }

    @Test func addressShapes() {
        #expect(WebAddress.isHTTP("https://example.gov/x"))
        #expect(!WebAddress.isHTTP("https://"))
        #expect(WebAddress.isHTTP("HTTP://Example.gov"))
        #expect(!WebAddress.isHTTP("https:///path"))
        #expect(!WebAddress.isHTTP("https://example.gov/a b"))
        #expect(!WebAddress.isHTTP("https://example.gov/a\tb"))
        #expect(!WebAddress.isHTTP("https://example.gov/<script>"))
        #expect(WebAddress.isHTTP("https://exämple.gov/"))
        #expect(!WebAddress.isHTTP("https://exämple.gov/a\u{2003}b"))
        #expect(!WebAddress.isHTTP("ftp://example.gov"))
        #expect(WebAddress.isEmail("jane.doe@example.gov"))
        #expect(!WebAddress.isEmail("jane@localhost"))
        #expect(!WebAddress.isEmail("@example.gov") && !WebAddress.isEmail("jane@@example.gov") && !WebAddress.isEmail("a@b@example.gov"))
        #expect(!WebAddress.isEmail("jane@.example.gov") && !WebAddress.isEmail("jane@example.gov.") && !WebAddress.isEmail("jane doe@example.gov"))
        #expect(!WebAddress.isEmail("jane;x@example.gov") && !WebAddress.isEmail("jane@exa\\mple.gov"))
        #expect(WebAddress.isEmail("jöns@example.gov") && !WebAddress.isEmail("jöns\u{2003}@example.gov"))
        #expect(!WebAddress.isPhone("555-01OO") && !WebAddress.isPhone("()") && WebAddress.isPhone("(555) 0100"))
        #expect(WebAddress.isPhone("+1 (902) 424-6160 x12"))
        #expect(!WebAddress.isPhone("call us"))
        #expect(WebAddress.scheme(of: "JavaScript:alert(1)") == "javascript")
        #expect(WebAddress.scheme(of: "docs/guide.html") == nil)
    }
}

@testable import OneDoorKit
import Testing

@Suite struct MarkdownTests {
    @Test func rawHTMLAndDangerousLinksAreNeverRendered() {
        let html = Markdown.render("<b>raw</b>\n\n[x](javascript:alert(1)) [y](data:text/html,hi)\n") { _ in nil }.html
        #expect(!html.contains("<b>"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text"))
    }

    @Test func headingsGetStableUniqueAnchors() {
        let rendered = Markdown.render("## How to ask\n\n## How to ask\n\n### Café & Wi-Fi\n") { _ in nil }
        #expect(rendered.headings.map(\.anchor) == ["how-to-ask", "how-to-ask-1", "cafe-wi-fi"])
        #expect(rendered.html.contains(#"<h3 id="cafe-wi-fi">Café &amp; Wi-Fi</h3>"#))
    }

    @Test func anchorsAvoidTheIDsThePageHasAndEachOther() {
        let rendered = Markdown.render("## Support\n\n## A\n\n## A\n\n## A 1\n", reserved: ["support", "main"]) { _ in nil }
        #expect(rendered.headings.map(\.anchor) == ["support-1", "a", "a-1", "a-1-1"])
    }

    @Test func linksAreFoundWithTheirLineAndColumn() {
        let text = "Intro.\n\nÉté: see [the desk](service:desk).\n"
        let links = Markdown.links(in: text)
        #expect(links.map(\.destination) == ["service:desk"])
        #expect(links.first?.line == 3)
        #expect(links.first?.column(in: text) == 21)
    }

    @Test func serviceLinksAreRewritten() {
        let html = Markdown.render("[Email](service:email)") { $0 == "service:email" ? "../services/email.html" : nil }.html
        #expect(html == "<p><a href=\"../services/email.html\">Email</a></p>\n")
    }
}

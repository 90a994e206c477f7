import Foundation
@testable import OneDoorKit
import Testing

/// Renders a fixture catalogue in memory, as `onedoor build` would after a clean check.
func renderFixture(_ name: String = "minimal", files: [String: String?] = [:]) throws -> [String: OutputFile] {
    let fixture = try FixtureCatalogue(name, files: files)
    defer { fixture.remove() }
    let output = OutputFiles()
    let built = try fixture.pipeline().build(into: output)
    #expect(!built.checked.hasErrors, "\(built.checked.findings)")
    return Dictionary(uniqueKeysWithValues: output.files.map { ($0.path, $0) })
}

@Suite struct SiteRendererTests {
    @Test func writesEveryPageTheFormatAsksFor() throws {
        let files = try renderFixture()
        for path in [
            "index.html", "a-z.html", "portfolio.html", "catalogue.json", "catalogue.schema.json", "sitemap.xml",
            "assets/onedoor.css", "categories/technology.html", "categories/desk.html", "services/laptops.html",
            "services/hosting.html", "teams/desk-team.html", "support-models/standard.html",
        ] {
            #expect(files[path] != nil, "missing \(path)")
        }
    }

    @Test func everyPageHasOneHeadingNamingItsSubject() throws {
        let files = try renderFixture()
        for (path, file) in files where path.hasSuffix(".html") {
            #expect(file.text.components(separatedBy: "<h1").count == 2, "\(path)")
        }
        #expect(files["services/laptops.html"]!.text.contains("<h1>Laptops</h1>"))
        #expect(files["teams/desk-team.html"]!.text.contains("<h1>Desk Team</h1>"))
    }

    @Test func aWalkInChannelIsAnAddressNotALink() throws {
        let models = try String(contentsOf: Bundle.module.url(forResource: "Fixtures/minimal/support-models", withExtension: "yaml")!, encoding: .utf8)
        let files = try renderFixture(files: ["support-models.yaml": models.edited(
            "    - type: portal\n", to: "    - type: walk-in\n      value: Room 101, ground floor\n    - type: portal\n")])
        for path in ["services/laptops.html", "support-models/standard.html"] {
            let page = files[path]!.text
            #expect(page.contains(#"<span class="channel-type">In person</span> Room 101, ground floor</li>"#), "\(path)")
            #expect(page.contains(#"<a href="https://help.example.test/">"#), "\(path)")
        }
    }

    @Test func theHomePageHasSearchCategoriesAndTheOneDoor() throws {
        let home = try renderFixture()["index.html"]!.text
        #expect(home.contains(#"<form class="search" action="a-z.html" method="get" role="search" data-search data-words="#))
        #expect(home.contains(#"<label for="search-input">"#))
        #expect(home.contains(#"<a href="categories/technology.html">Technology</a>"#))
        #expect(home.contains("2 services"))  // both services sit in sub-categories of Technology
        #expect(home.contains(#"<a href="tel:555-0100">"#) == false)
        #expect(home.contains(#"<a href="tel:5550100">555-0100</a>"#))
        #expect(home.contains(##"<a class="skip-link" href="#main">Skip to main content</a>"##))
    }

    @Test func aServicePageAnswersWhatHowWhoAndHowFast() throws {
        let files = try renderFixture(files: [
            "services/desk/laptops.md": serviceFile([
                "name": "Laptops", "request_url": "https://help.example.test/laptops", "availability": "99.5",
                "continuity": "{rto: 4h, rpo: 1h}", "targets": "[{priority: p1, resolve: 2h, percent: 99}]",
                "contacts": "[{role: Service owner, name: Jane Doe, email: jane@example.test}]", "depends_on": "[hosting]",
            ], body: "You get a laptop.\n\n## Who can ask\n\nEveryone. See [hosting](service:hosting) and [its rules](service:hosting#rules).\n"),
        ])
        let page = files["services/laptops.html"]!.text
        #expect(page.contains(#"<a class="button" href="https://help.example.test/laptops">Request Laptops</a>"#))
        #expect(page.contains(#"<a href="tel:5550100">555-0100</a>"#))
        #expect(page.contains(#"<a href="https://help.example.test/">https://help.example.test/</a>"#))
        #expect(page.contains("99% within 2 hours <strong class=\"tag tag-override\">specific to this service</strong>"))
        #expect(page.contains("80% within 2 working days</td>"))
        #expect(page.contains("<dd>99.5%</dd>"))
        #expect(page.contains("<dd>4 hours</dd>"))
        #expect(page.contains(#"<a href="mailto:jane@example.test">Jane Doe</a>"#))
        #expect(page.contains(#"<h2 id="who-can-ask">Who can ask</h2>"#))
        #expect(page.contains(#"<a href="../services/hosting.html">hosting</a>"#))
        #expect(page.contains(##"<a href="../services/hosting.html#rules">its rules</a>"##))
        #expect(page.contains(#"<a href="../teams/desk-team.html">Desk Team</a>"#))
        #expect(page.contains(#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Service","name":"Laptops""#))
        let hosting = files["services/hosting.html"]!.text
        #expect(hosting.contains("<h3>Used by</h3>"))
        #expect(hosting.contains(#"<a href="../services/laptops.html">Laptops</a>"#))
    }

    @Test func headingsOfADescriptionTakeNoIDThePageHasAlready() throws {
        let files = try renderFixture(files: [
            "services/desk/laptops.md": serviceFile(body: "## Support\n\nOurs.\n\n## Search results\n\nNone.\n"),
        ])
        let page = files["services/laptops.html"]!.text
        #expect(page.contains(#"<h2 id="support-1">Support</h2>"#))
        #expect(page.contains(#"<h2 id="search-results-1">Search results</h2>"#))
        let ids = page.split(separator: #" id=""#).dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids.count == Set(ids).count, "\(ids)")
    }

    @Test func retiredAndPipelineServicesAreClearlyMarked() throws {
        let files = try renderFixture(files: [
            "services/desk/old.md": serviceFile(["name": "Old", "status": "retired", "replaced_by": "laptops"]),
            "services/desk/new.md": serviceFile(["name": "New", "status": "pipeline"]),
        ])
        let old = files["services/old.html"]!.text
        #expect(old.contains(#"<strong class="tag tag-retired">Retired</strong>"#))
        #expect(old.contains(#"Use <a href="../services/laptops.html">Laptops</a> instead."#))
        #expect(files["services/new.html"]!.text.contains("This service is not available yet."))
        let portfolio = files["portfolio.html"]!.text
        #expect(portfolio.contains("2 live, 1 coming, 1 retired"))
    }

    @Test func everyValueIsEscapedForItsContext() throws {
        let files = try renderFixture("hostile")
        let page = files["services/evil.html"]!.text
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("</script><script>"))
        #expect(!page.contains("<img src"))
        #expect(!page.contains("onerror=\"alert"))
        #expect(page.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; &amp; &quot;Quotes&quot;"))
        #expect(page.contains(#"href="https://example.test/ask?a=1&amp;b=&#39;2&#39;""#))
        #expect(page.contains("<!-- raw HTML omitted -->"))
        // JSON-LD is JSON inside <script>: no "<" may close it early.
        let jsonLD = try #require(page.components(separatedBy: "<script type=\"application/ld+json\">").last?
            .components(separatedBy: "</script>").first)
        #expect(!jsonLD.contains("<"))
        #expect(jsonLD.contains(#"\u003c/script\u003e\u003cscript\u003ealert(1)"#))
        // The only scripts are JSON-LD and the portal's own search client and its stemmers.
        for (path, file) in files where path.hasSuffix(".html") {
            let scripts = file.text.components(separatedBy: "<script").count - 1
            let jsonLD = file.text.components(separatedBy: "<script type=\"application/ld+json\">").count - 1
            let client = file.text.components(separatedBy: "assets/search.js\" data-root=").count - 1
            let stemmers = file.text.components(separatedBy: "assets/stem.js\" defer>").count - 1
            #expect(scripts == jsonLD + client + stemmers && client == 1 && stemmers == 1, "\(path)")
        }
        #expect(!files["catalogue.json"]!.text.contains("<"))
    }

    @Test func theSameCatalogueGivesTheSameBytes() throws {
        let first = try renderFixture("hostile")
        let second = try renderFixture("hostile")
        #expect(first == second)
    }

    @Test func everyInternalLinkLeadsToAFile() throws {
        let files = try renderFixture()
        var checked = 0
        for (path, file) in files where path.hasSuffix(".html") {
            for link in links(in: file.text) where WebAddress.scheme(of: link) == nil && !link.hasPrefix("#") {
                let target = resolve(link, from: path)
                #expect(files[target] != nil, "\(path) links to \(link)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    @Test func categoriesShowTheirSubCategoriesAndBreadcrumbs() throws {
        let files = try renderFixture()
        let technology = files["categories/technology.html"]!.text
        #expect(technology.contains(#"<a href="../categories/desk.html">Desk</a>"#))
        let desk = files["categories/desk.html"]!.text
        #expect(desk.contains(#"<li><a href="../categories/technology.html">Technology</a></li>"#))
        #expect(desk.contains(#"<a href="../services/laptops.html">Laptops</a>"#))
    }

    @Test func theSitemapListsEveryPageUnderTheBaseURL() throws {
        let sitemap = try renderFixture()["sitemap.xml"]!.text
        #expect(sitemap.contains("<loc>https://services.example.test/services/laptops.html</loc>"))
        #expect(sitemap.components(separatedBy: "<loc>").count - 1 == 11)
    }

    private func links(in html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }

    private func resolve(_ link: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in link.split(separator: "#")[0].split(separator: "?")[0].split(separator: "/") {
            if part == ".." { parts.removeLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }
}

@Suite struct XMLEscapeTests {
    @Test func theFiveSpecialCharactersBecomeEntitiesAndTheRestStays() {
        #expect(XML.escape(#"Tom & Jerry's <"café">"#) == "Tom &amp; Jerry&apos;s &lt;&quot;café&quot;&gt;")
        // A chart writes its text straight into its bytes, as `XML.escape` writes it.
        var markup = Markup(capacity: 0)
        markup.add(xmlEscaping: #"Tom & Jerry's <"café">"#)
        #expect(String(decoding: markup.bytes, as: UTF8.self) == XML.escape(#"Tom & Jerry's <"café">"#))
        #expect(XML.escape("Plain words, é and 中文") == "Plain words, é and 中文")
        #expect(XML.escape("") == "")
    }
}

/// Where each page of the portal lives, relative to the output folder. Every link in the portal is
/// relative, so it works from `file://`, from a sub-path and behind any web server.
enum SitePaths {
    static let home = "index.html"
    static let aToZ = "a-z.html"
    static let portfolio = "portfolio.html"
    static let performance = "performance.html"
    static let stylesheet = "assets/onedoor.css"
    static let catalogueJSON = "catalogue.json"
    static let catalogueSchema = "catalogue.schema.json"
    static let sitemap = "sitemap.xml"

    static func service(_ id: String) -> String { "services/\(id).html" }
    static func category(_ id: String) -> String { "categories/\(id).html" }
    static func team(_ id: String) -> String { "teams/\(id).html" }
    static func supportModel(_ id: String) -> String { "support-models/\(id).html" }

    /// Where a `service:` link leads, from a page one folder down (as every service page is).
    static func href(of link: ServiceLink) -> String {
        "../" + service(link.id) + (link.anchor.map { "#" + $0 } ?? "")
    }

    /// The prefix that leads from a page back to the output folder: `""` or `"../"`.
    static func root(of path: String) -> String {
        String(repeating: "../", count: path.count { $0 == "/" })
    }
}

extension SitePaths {
    static let notices = "notices.html"
    static let noticesFeed = "notices.xml"

    static func notice(_ id: String) -> String { "notices/\(id).html" }
}

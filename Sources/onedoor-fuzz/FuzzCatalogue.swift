import OneDoorKit

/// A small catalogue held in memory, whose services name each other in every way a catalogue can:
/// dependencies, a replacement, links to services and to their headings, sub-categories.
struct FuzzCatalogue {
    static let settings = """
        title: Fuzz Catalogue
        organisation: Fuzz Council
        base_url: https://fuzz.example/
        priorities:
          - id: p1
            name: Priority 1
          - id: p2
            name: Priority 2

        """
    static let categories = """
        - id: desk
          name: Service Desk
        - id: hosting
          name: Hosting
          parent: desk
        - id: empty
          name: Empty

        """
    static let teams = """
        - id: team
          name: The Team
          email: team@fuzz.example
        - id: other
          name: Other Team

        """
    static let supportModels = """
        - id: standard
          name: Standard
          hours: Always
          channels:
            - type: phone
              value: "555"
          targets:
            - priority: p1
              resolve: 4h
              percent: 95
            - priority: p2
              resolve: 2wd
              percent: 80
        - id: premium
          name: Premium
          hours: Always
          channels:
            - type: email
              value: help@fuzz.example
          targets:
            - priority: p1
              resolve: 1h
              percent: 99
            - priority: p2
              resolve: 1wd
              percent: 90

        """

    /// One service, as fields that an edit changes one at a time.
    struct Service {
        var id: String
        var name: String
        var summary = "What it does."
        var category = "desk"
        var status = "live"
        var owner = "team"
        var supportModel = "standard"
        var dependsOn: [String] = []
        var replacedBy: String?
        var keywords: [String] = []
        /// A P1 target of its own, by percent.
        var overrideP1: Int?
        var body = "## Who can ask\n\nEveryone.\n"

        var text: String {
            var lines = ["---", "name: \(name)", "summary: \(summary)", "category: \(category)", "type: business",
                         "status: \(status)", "owner: \(owner)", "support_model: \(supportModel)", "last_reviewed: 2026-05-01"]
            if !dependsOn.isEmpty { lines.append("depends_on: [\(dependsOn.joined(separator: ", "))]") }
            if let replacedBy { lines.append("replaced_by: \(replacedBy)") }
            if !keywords.isEmpty { lines.append("keywords: [\(keywords.joined(separator: ", "))]") }
            if let overrideP1 { lines.append("targets: [{priority: p1, resolve: 2h, percent: \(overrideP1)}]") }
            return (lines + ["---", "", body]).joined(separator: "\n")
        }
    }

    /// Results of some services and of the whole catalogue, against targets an edit may change.
    static let performance = """
        period,service,priority,customer,resolved,within_target,opened,satisfied,neutral,dissatisfied
        2026-Q1,email,p1,,20,19,21,5,1,0
        2026-Q1,email,p2,,40,30,44,,,
        2026-04,email,p1,,8,7,8,,,
        2026-Q1,network,p1,,10,10,10,,,
        2026-Q1,laptops,p2,,5,4,5,,,
        2026-Q1,*,p1,north,30,28,30,9,2,1
        2026-Q1,*,p1,south,12,12,12,,,

        """

    /// An open major incident on Network, which every service that depends on it may feel; an edit
    /// resolves it or opens it again.
    static func networkDown(resolved: Bool) -> String {
        "---\ntitle: Network down\nkind: incident\nseverity: major\nservices: [network]\nstart: 2026-05-31 09:00\n"
            + (resolved ? "end: 2026-05-31 18:00\n" : "") + "---\nNothing reaches the servers.\n"
    }

    /// Planned work on the wiki, in progress at the fuzzer's time (midnight UTC on 2026-06-01).
    static let wikiUpgrade = "---\ntitle: Wiki upgrade\nkind: planned-change\nservices: [wiki]\nstart: 2026-05-31 20:00\n"
        + "end: 2026-06-01 02:00\n---\nThe wiki is read-only.\n"

    var yaml: [String: String] = [
        "catalogue.yaml": settings, "categories.yaml": categories, "teams.yaml": teams, "support-models.yaml": supportModels,
        "performance/2026.csv": performance, "notices/network-down.md": networkDown(resolved: false),
        "notices/wiki-upgrade.md": wikiUpgrade,
    ]
    var services: [String: Service] = [
        "email": Service(id: "email", name: "Email", dependsOn: ["network"], body: "## Who can ask\n\nStaff. See [network](service:network#who-can-ask).\n"),
        "network": Service(id: "network", name: "Network", category: "hosting", supportModel: "premium"),
        "laptops": Service(id: "laptops", name: "Laptops", dependsOn: ["network", "email"], keywords: ["pc"]),
        "fax": Service(id: "fax", name: "Fax", status: "retired", replacedBy: "email"),
        "wiki": Service(id: "wiki", name: "Wiki", owner: "other", body: "Read [email](service:email).\n"),
    ]

    /// Where each service's file lives.
    static func path(of id: String) -> String { "services/\(id).md" }

    var files: [String: [UInt8]] {
        var files = yaml.mapValues { Array($0.utf8) }
        for (id, service) in services { files[Self.path(of: id)] = Array(service.text.utf8) }
        return files
    }
}

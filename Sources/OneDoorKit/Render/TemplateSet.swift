public import Foundation

/// Why the templates cannot be used.
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    public let location: SourceLocation
    public let message: String

    public var description: String { "\(location): error: \(message)" }
}

/// The portal's Mustache templates and static assets: the built-in ones compiled into the tool,
/// each replaceable by a file of the same name in a `--templates` folder.
public struct TemplateSet: Sendable {
    let renderer: TemplateRenderer
    /// Static files by their path in the output, such as `assets/onedoor.css`.
    let assets: [String: [UInt8]]
    /// The ids the templates write as they are (`id="support"`), which headings of a description must
    /// not take.
    let fixedIDs: Set<String>

    /// The built-in files, by their name in `site-templates/`.
    static let builtIn: [(name: String, bytes: [UInt8])] = [
        ("layout.mustache", PackageResources.layout_mustache),
        ("home.mustache", PackageResources.home_mustache),
        ("category.mustache", PackageResources.category_mustache),
        ("service.mustache", PackageResources.service_mustache),
        ("team.mustache", PackageResources.team_mustache),
        ("support-model.mustache", PackageResources.support_model_mustache),
        ("a-z.mustache", PackageResources.a_z_mustache),
        ("portfolio.mustache", PackageResources.portfolio_mustache),
        ("contact.mustache", PackageResources.contact_mustache),
        ("search-box.mustache", PackageResources.search_box_mustache),
        ("status.mustache", PackageResources.status_mustache),
        ("service-list.mustache", PackageResources.service_list_mustache),
        ("channels.mustache", PackageResources.channels_mustache),
        ("targets.mustache", PackageResources.targets_mustache),
        ("results.mustache", PackageResources.results_mustache),
        ("performance.mustache", PackageResources.performance_mustache),
        ("notice.mustache", PackageResources.notice_mustache),
        ("notices.mustache", PackageResources.notices_mustache),
        ("notice-item.mustache", PackageResources.notice_item_mustache),
        ("assets/onedoor.css", PackageResources.onedoor_css),
        ("assets/search.js", PackageResources.search_js),
        ("assets/stem.js", PackageResources.stem_js),
    ]

    /// The built-in templates, with any file of `overrides` taking the place of the one of the same name.
    /// Files in `overrides/assets/` replace or add static files.
    public static func load(overrides: URL? = nil) throws(TemplateError) -> TemplateSet {
        var files = Dictionary(builtIn.map { ($0.name, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        var origins: [String: String] = [:]
        if let overrides {
            for name in overrideFiles(in: overrides) {
                guard let data = FileManager.default.contents(atPath: overrides.appendingPathComponent(name).path) else { continue }
                files[name] = Array(data)
                origins[name] = overrides.appendingPathComponent(name).path
            }
        }
        var templates: [String: Template] = [:]
        var assets: [String: [UInt8]] = [:]
        var fixedIDs: Set<String> = []
        for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
            guard name.hasSuffix(".mustache") else {
                assets[name] = bytes
                continue
            }
            let file = origins[name] ?? "site-templates/\(name)"
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw TemplateError(location: .start(of: file), message: "the template is not valid UTF-8")
            }
            templates[String(name.dropLast(".mustache".count))] = try TemplateParser.parse(text, file: file)
            fixedIDs.formUnion(ids(in: text))
        }
        // The spec renders a missing partial as nothing; a service owner's override deserves to hear of it.
        for name in templates.keys.sorted() {
            for partial in templates[name]!.partials where templates[partial.name] == nil {
                let names = templates.keys.sorted().joined(separator: ", ")
                throw TemplateError(location: partial.location, message: "there is no template named `\(partial.name)`; the templates are \(names)")
            }
        }
        return TemplateSet(renderer: TemplateRenderer(templates: templates), assets: assets, fixedIDs: fixedIDs)
    }

    /// Renders a template; an override that names a template that does not exist renders nothing.
    func render(_ name: String, _ values: TemplateValues, capacity: Int = 0) -> [UInt8] {
        renderer.render(name, values, capacity: capacity)
    }

    /// The ids the built-in templates write as they are.
    static let builtInIDs = Set(builtIn.filter { $0.name.hasSuffix(".mustache") }.flatMap {
        ids(in: String(decoding: $0.bytes, as: UTF8.self))
    })

    /// The values of `id="…"` attributes in a template that hold no Mustache tag.
    static func ids(in template: String) -> [String] {
        template.split(separator: #" id=""#).dropFirst().compactMap { rest in
            guard let end = rest.firstIndex(of: "\""), !rest[..<end].contains("{{") else { return nil }
            return String(rest[..<end])
        }
    }

    private static func overrideFiles(in folder: URL) -> [String] {
        let top = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let assets = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("assets").path)) ?? []
        return (top.filter { $0.hasSuffix(".mustache") } + assets.filter { !$0.hasPrefix(".") }.map { "assets/\($0)" }).sorted()
    }
}


internal import Synchronization

/// The portal of a catalogue in several languages: each language's pages in its own folder (`en/`,
/// `fr/`), each made by a `SiteRenderer` from the catalogue read in that language; and once for the
/// whole portal, at its root, the page that lets people choose a language (in every language), the
/// assets, `catalogue.json` (the default language's text, with each item's `translations`), its
/// schema and the sitemap.
public struct MultilingualSite: Sendable {
    /// One renderer per language, the default language's first.
    let renderers: [SiteRenderer]

    /// `catalogues` holds the catalogue read in each of its languages, in the order of `languages`.
    public init(catalogues: [Catalogue], templates: TemplateSet, now: Int) {
        let languages = catalogues[0].settings.languages
        let original = catalogues[0]
        renderers = zip(languages, catalogues).map { language, catalogue in
            SiteRenderer(catalogue: catalogue, templates: templates, now: now,
                         language: SiteLanguage(language: language, languages: languages), original: language == languages[0] ? nil : original)
        }
    }

    public func render(into sink: some OutputSink) {
        let folders = renderers.map { FolderSink(folder: $0.language.folder, sink: sink) }
        let first = renderers[0]
        _ = concurrently({
            for (renderer, folder) in zip(renderers, folders) { renderer.render(into: folder) }
        }, {
            sink.write(path: SitePaths.catalogueJSON) { emit in
                CatalogueJSON(index: first.index, translations: renderers.dropFirst().map { ($0.language.language, $0.index) }).write(emit)
            }
        })
        sink.write(OutputFile(path: SitePaths.catalogueSchema, bytes: CatalogueSchema.json.bytes() + [0x0A]))
        for (path, bytes) in first.templates.assets { sink.write(OutputFile(path: path, bytes: bytes)) }
        sink.write(chooser)
        let pages = ["index.html"] + folders.flatMap(\.htmlPaths)
        if let sitemap = SiteRenderer.sitemap(base: renderers[0].catalogue.settings.baseURL, pages: pages) { sink.write(sitemap) }
    }

    /// The root page: the catalogue's name and a link to each language's home, each in its language.
    private var chooser: OutputFile {
        var html = """
            <!DOCTYPE html>
            <html lang="\(renderers[0].language.language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(renderers.map { XML.escape($0.catalogue.settings.title) }.joined(separator: " – "))</title>
            <meta name="generator" content="OneDoor">
            <link rel="stylesheet" href="assets/onedoor.css">

            """
        for renderer in renderers {
            html += "<link rel=\"alternate\" hreflang=\"\(renderer.language.language)\" href=\"\(renderer.language.folder)index.html\">\n"
        }
        html += "</head>\n<body>\n<main id=\"main\" class=\"wrap language-chooser\">\n"
        for renderer in renderers {
            let language = renderer.language.language
            let settings = renderer.catalogue.settings
            html += """
                <section lang="\(language)" aria-labelledby="choose-\(language)">
                <h1 id="choose-\(language)">\(XML.escape(settings.title))</h1>
                <p>\(XML.escape(settings.organisation))</p>
                <p><a class="button" href="\(renderer.language.folder)index.html" hreflang="\(language)">\(XML.escape(Wording.name(ofLanguage: language)))</a></p>
                </section>

                """
        }
        html += "</main>\n</body>\n</html>\n"
        return OutputFile(path: "index.html", text: html)
    }
}

/// A sink that puts every file it is handed in a folder of another sink, and remembers the pages.
final class FolderSink<Base: OutputSink>: OutputSink {
    let folder: String
    let sink: Base
    private let pages = Mutex<[String]>([])

    init(folder: String, sink: Base) {
        self.folder = folder
        self.sink = sink
    }

    var htmlPaths: [String] { pages.withLock { $0 } }

    func write(_ file: OutputFile) {
        if file.path.hasSuffix(".html") { pages.withLock { $0.append(folder + file.path) } }
        sink.write(OutputFile(path: folder + file.path, parts: file.parts))
    }

    func write(path: String, parts: (_ emit: ([UInt8]) -> Void) -> Void) {
        sink.write(path: folder + path, parts: parts)
    }
}

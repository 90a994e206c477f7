public import Foundation

/// Why a catalogue folder cannot be read at all (as opposed to a catalogue with errors in it).
public enum LoadError: Error, Equatable, CustomStringConvertible {
    case folderNotFound(String)
    case notAFolder(String)

    public var description: String {
        switch self {
        case let .folderNotFound(path): "no catalogue folder at '\(path)'"
        case let .notAFolder(path): "'\(path)' is a file, not a catalogue folder"
        }
    }
}

/// A catalogue read from its folder, with every finding made while reading it.
public struct LoadedCatalogue: Sendable {
    public let catalogue: Catalogue
    public let diagnostics: [Diagnostic]
}

/// Reads a catalogue: the four YAML files and every `services/**/*.md`, from a folder or from memory.
public struct CatalogueLoader: Sendable {
    public static let settingsFile = "catalogue.yaml"
    public static let categoriesFile = "categories.yaml"
    public static let teamsFile = "teams.yaml"
    public static let supportModelsFile = "support-models.yaml"
    public static let servicesFolder = "services"
    public static let performanceFolder = "performance"
    public static let noticesFolder = "notices"

    public let source: any CatalogueSource
    /// The language whose text is read, for a catalogue of several; nil for the default language, whose
    /// read alone reports what is wrong with translations.
    public let language: String?
    /// The default language's read of the same sources, whose services another language's read takes
    /// (with its translations laid over them) rather than reading them again, when their front matter
    /// has no language map.
    public let defaultRead: Catalogue?

    public init(source: any CatalogueSource, language: String? = nil, defaultRead: Catalogue? = nil) {
        self.source = source
        self.language = language
        self.defaultRead = defaultRead
    }

    /// Reads the catalogue in `folder`.
    public init(folder: URL) {
        self.init(source: FolderSource(folder))
    }

    public func load() throws(LoadError) -> LoadedCatalogue {
        try source.validate()
        // A performance export is one large file read on one core: it is read from the start, beside
        // the YAML files, which are read on one core, and then the services.
        let performanceJob = BackgroundJob { [self] () -> (files: Int, measurements: [Measurement], findings: [Diagnostic]) in
            let paths = source.files(under: Self.performanceFolder, include: { $0.hasSuffix(".csv") }).filter { $0.kind == .file }.map(\.path).sorted()
            // Another language's read takes the default read's rows, whose findings that read reports: an export has no language.
            if let defaultRead { return (paths.count, defaultRead.measurements, []) }
            let tables = paths.concurrentMap { path -> (measurements: [Measurement], findings: [Diagnostic]) in
                var findings: [Diagnostic] = []
                let rows = readTable(path, diagnostics: &findings).map { Measurement.read($0, diagnostics: &findings) } ?? []
                return (rows, findings)
            }
            // A single export is taken as it is, not copied row by row into a new list.
            return (paths.count, tables.count == 1 ? tables[0].measurements : tables.flatMap(\.measurements), tables.flatMap(\.findings))
        }

        var diagnostics: [Diagnostic] = []
        var unreadable = UnreadableIDs()

        let settingsNode = readYAML(Self.settingsFile, diagnostics: &diagnostics)
        let languages = settingsNode.map(CatalogueSettings.languages(in:)) ?? ["en"]
        let choice = LanguageChoice(languages: languages, chosen: language.flatMap { languages.contains($0) ? $0 : nil })
        let settings = settingsNode.flatMap {
            CatalogueSettings.read($0.localized(choice, diagnostics: &diagnostics), diagnostics: &diagnostics, unreadable: &unreadable)
        }
        if settings == nil { unreadable.allPriorities = true }
        let categories = readList(Self.categoriesFile, choice, diagnostics: &diagnostics, unreadable: &unreadable.categories, Category.read)
        let teams = readList(Self.teamsFile, choice, diagnostics: &diagnostics, unreadable: &unreadable.teams, Team.read)
        let supportModels = readList(Self.supportModelsFile, choice, diagnostics: &diagnostics, unreadable: &unreadable.supportModels,
                                     SupportModel.read)
        unreadable.allCategories = categories == nil
        unreadable.allTeams = teams == nil
        unreadable.allSupportModels = supportModels == nil

        let (markdownPaths, pathFindings) = markdownFiles(under: Self.servicesFolder, limit: SourceLimits.maxFiles)
        diagnostics += pathFindings
        // `ID.md` is a service; `ID.LANG.md` beside it, its text in another language.
        let servicePaths = markdownPaths.filter { ServiceTranslation.parts(of: $0.path) == nil }
        let translationPaths = markdownPaths.filter { ServiceTranslation.parts(of: $0.path) != nil }
        let reused = choice.isDefault ? nil : defaultRead.flatMap { $0.servicesHaveLanguageMaps ? nil : $0 }
        let results = reused == nil ? servicePaths.concurrentMap { readService($0, choice) } : []
        let performance = performanceJob.value
        var services: [Service] = reused?.services ?? []
        if let reused {
            unreadable.services = reused.unreadable.services
            unreadable.serviceReferences = reused.unreadable.serviceReferences
            unreadable.descriptions = reused.unreadable.descriptions
        }
        for (path, result) in zip(servicePaths.map(\.path), results) {
            diagnostics += result.findings
            unreadable.serviceReferences += result.unreadable.serviceReferences
            unreadable.descriptions += result.unreadable.descriptions
            if let service = result.service {
                services.append(service)
            } else {
                unreadable.services.insert(String(path.split(separator: "/").last!.dropLast(3)))
            }
        }

        // Another language's read that takes the default read's services takes its translations too.
        let translations = reused.map { $0.translations.map { (translation: Optional($0), findings: [Diagnostic](), unreadable: UnreadableIDs()) } }
            ?? translationPaths.concurrentMap { entry -> (translation: ServiceTranslation?, findings: [Diagnostic], unreadable: UnreadableIDs) in
            // Only the default language's read says what is wrong with translations; another reads its own.
            guard choice.isDefault || ServiceTranslation.parts(of: entry.path)?.language == choice.chosen else { return (nil, [], UnreadableIDs()) }
            var findings: [Diagnostic] = []
            var partial = UnreadableIDs()
            let translation = readSource(entry.path, isSymbolicLink: entry.isSymbolicLink, diagnostics: &findings).flatMap {
                ServiceTranslation.read($0, diagnostics: &findings, unreadable: &partial)
            }
            return (translation, choice.isDefault ? findings : [], partial)
        }
        diagnostics += translations.flatMap(\.findings)
        // A translation that cannot be read whole still has its links checked, in the default read.
        if choice.isDefault { unreadable.descriptions += translations.flatMap(\.unreadable.descriptions) }
        if choice.isDefault {
            diagnostics += Self.translationFindings(translations.compactMap(\.translation), services: services, choice: choice,
                                                    unreadable: unreadable.services, files: Set(translationPaths.map(\.path)))
        } else {
            let byService = Dictionary(translations.compactMap(\.translation).filter { $0.language == choice.chosen }.map { ($0.serviceFile, $0) },
                                       uniquingKeysWith: { first, _ in first })
            services = services.map { service in byService[service.file].map(service.translated) ?? service }
        }

        diagnostics += performance.findings

        let (noticePaths, noticePathFindings) = markdownFiles(under: Self.noticesFolder, limit: SourceLimits.maxFiles)
        diagnostics += noticePathFindings
        let notices = noticePaths.concurrentMap { entry -> (notice: Notice?, findings: [Diagnostic], unreadable: UnreadableIDs) in
            var findings: [Diagnostic] = []
            var partial = UnreadableIDs()
            let notice = readSource(entry.path, isSymbolicLink: entry.isSymbolicLink, diagnostics: &findings).flatMap {
                Notice.read($0, diagnostics: &findings, unreadable: &partial)
            }
            return (notice, findings, partial)
        }
        diagnostics += notices.flatMap(\.findings)
        unreadable.serviceReferences += notices.flatMap(\.unreadable.serviceReferences)

        let catalogue = Catalogue(
            settings: settings ?? CatalogueSettings(title: "", organisation: "", baseURL: nil, language: "en", languages: ["en"], timeZone: .utc, contact: nil,
                                                    reviewIntervalDays: CatalogueSettings.defaultReviewIntervalDays, priorities: [], customers: [],
                                                    synonyms: [], lead: nil, searchHint: nil, helpDesk: nil, messages: [:]),
            categories: categories ?? [], teams: teams ?? [], supportModels: supportModels ?? [], services: services,
            measurements: performance.measurements, notices: notices.compactMap(\.notice),
            translations: choice.isDefault ? translations.compactMap(\.translation).filter { choice.languages.dropFirst().contains($0.language) } : [],
            servicesHaveLanguageMaps: results.contains(where: \.hasLanguageMaps),
            unreadable: unreadable,
            fileCount: 4 + markdownPaths.count + performance.files + noticePaths.count)
        return LoadedCatalogue(catalogue: catalogue, diagnostics: diagnostics)
    }

    /// One service file read: the service when it could be read whole, the findings, and the ids it
    /// names and its description when it could not (so that they still count as used, and are checked).
    struct ServiceRead: Sendable {
        let service: Service?
        let findings: [Diagnostic]
        let unreadable: UnreadableIDs
        /// Its front matter holds a language map.
        var hasLanguageMaps = false
    }

    func readService(_ entry: SourceFile, _ choice: LanguageChoice) -> ServiceRead {
        var findings: [Diagnostic] = []
        var partial = UnreadableIDs()
        var languageMaps = false
        let service = readSource(entry.path, isSymbolicLink: entry.isSymbolicLink, diagnostics: &findings).flatMap {
            Service.read($0, choice: choice, diagnostics: &findings, unreadable: &partial, languageMaps: &languageMaps)
        }
        return ServiceRead(service: service, findings: choice.isDefault ? findings : findings.filter { $0.severity == .error }, unreadable: partial,
                           hasLanguageMaps: languageMaps)
    }

    /// What is wrong with the translations of a catalogue, found in the default language's read: a
    /// language the catalogue does not have, a translation of no service, and the services and fields
    /// left untranslated.
    /// `files` are the translation files found, whether they could be read or not: a service with one
    /// has its translation, or the file's own finding.
    static func translationFindings(_ translations: [ServiceTranslation], services: [Service], choice: LanguageChoice,
                                    unreadable: Set<String>, files: Set<String>) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let servicesByFile = Dictionary(services.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        for translation in translations {
            guard choice.languages.contains(translation.language), translation.language != choice.defaultLanguage else {
                findings.append(.error(.unknownLanguage, at: .start(of: translation.file),
                    translation.language == choice.defaultLanguage
                        ? "'\(translation.language)' is the catalogue's default language, whose text is in \(translation.serviceFile); remove this file"
                        : "'\(translation.language)' is not a language of this catalogue (\(choice.languages.joined(separator: ", "))); "
                            + "add it to 'languages' in catalogue.yaml, or rename or remove this file"))
                continue
            }
            guard let service = servicesByFile[translation.serviceFile] else {
                let id = String(translation.serviceFile.split(separator: "/").last!.dropLast(3))
                if !unreadable.contains(id) {
                    findings.append(.error(.orphanTranslation, at: .start(of: translation.file),
                        "this translates '\(translation.serviceFile)', which does not exist; a translation sits beside its service's file, with the same name"))
                }
                continue
            }
            let missing = translation.missingFields(of: service)
            if !missing.isEmpty {
                findings.append(.warning(.missingTranslation, at: .start(of: translation.file),
                    "no \(translation.language) text for \(missing.joined(separator: ", ")); the \(choice.defaultLanguage) text is shown meanwhile"))
            }
        }
        for service in services {
            for language in choice.languages.dropFirst() {
                let name = String(service.file.dropLast(3)) + ".\(language).md"
                guard !files.contains(name) else { continue }
                findings.append(.warning(.missingTranslation, at: .start(of: service.file),
                    "service '\(service.id)' has no \(language) text; add \(name.split(separator: "/").last!) beside it (the \(choice.defaultLanguage) text is shown meanwhile)"))
            }
        }
        return findings
    }



    /// Every `.md` file under `folder` (`services/`, `notices/`), as paths relative to the catalogue
    /// folder, sorted so that the result never depends on the file system's listing order. Hidden files
    /// and folders are skipped.
    func markdownFiles(under folder: String, limit: Int) -> (paths: [SourceFile], findings: [Diagnostic]) {
        var paths: [SourceFile] = []
        var findings: [Diagnostic] = []
        let what = folder == Self.servicesFolder ? "services" : folder
        for entry in source.files(under: folder, include: { $0.hasSuffix(".md") }) {
            switch entry.kind {
            case .file: break
            case .linkedFolder:
                findings.append(.warning(.linkedFolder, at: .start(of: entry.path),
                    "'\(entry.path)' is a link to a folder, which onedoor does not follow, so its \(what) are not in the catalogue; "
                        + "move the folder into the catalogue, or link its files one by one"))
                continue
            case .unreadableFolder:
                findings.append(.error(.permissionDenied, at: .start(of: entry.path),
                    "cannot read the folder '\(entry.path)': permission denied; let the user who runs onedoor read it (chmod a+rx)"))
                continue
            }
            // A name whose bytes are not UTF-8 cannot be named in a link or a URL.
            guard entry.hasValidName else {
                findings.append(.error(.unsafePath, at: .start(of: entry.path),
                    "this file name is not valid UTF-8; rename it with letters a-z, digits and hyphens"))
                continue
            }
            paths.append(entry)
        }
        paths.sort { $0.path < $1.path }
        if paths.count > limit {
            findings.append(.error(.limit, at: .start(of: folder),
                "the catalogue has \(paths.count) files in '\(folder)', over the limit of \(limit); only the first are checked"))
            paths = Array(paths.prefix(limit))
        }
        return (paths, findings)
    }

    /// Reads and decodes a source file, refusing one that leads outside the catalogue or is too large.
    /// `isSymbolicLink` comes from the folder listing when it has it.
    private func readSource(_ path: String, isSymbolicLink: Bool? = nil, diagnostics: inout [Diagnostic]) -> SourceText? {
        read(path, isSymbolicLink: isSymbolicLink, limit: SourceLimits.maxFileBytes, as: SourceText.decode, checked: SourceLimits.check,
             diagnostics: &diagnostics)
    }

    private func readTable(_ path: String, diagnostics: inout [Diagnostic]) -> SourceBytes? {
        read(path, isSymbolicLink: nil, limit: SourceLimits.maxTableBytes, as: SourceBytes.decode, checked: SourceLimits.check,
             diagnostics: &diagnostics)
    }

    /// The file decoded, with a finding instead when it cannot be read, is not UTF-8 or is over a limit.
    private func read<Decoded>(_ path: String, isSymbolicLink: Bool?, limit: Int, as decode: (Data, String) -> Result<Decoded, Diagnostic>,
                               checked check: (Decoded) -> [Diagnostic], diagnostics: inout [Diagnostic]) -> Decoded? {
        switch source.read(path, limit: limit, isSymbolicLink: isSymbolicLink) {
        case let .failure(.outside(target)):
            diagnostics.append(.error(.unsafePath, at: .start(of: path),
                "'\(path)' is a symbolic link to '\(target)', outside the catalogue; copy the file into the catalogue instead"))
            return nil
        case .failure(.permissionDenied):
            diagnostics.append(.error(.permissionDenied, at: .start(of: path),
                "cannot read '\(path)': permission denied; let the user who runs onedoor read it (chmod a+r)"))
            return nil
        case .failure(.missing):
            diagnostics.append(.error(.missingFile, at: .start(of: path), "the required file '\(path)' is missing; create it"))
            return nil
        case let .failure(.tooLarge(size)):
            diagnostics.append(SourceLimits.sizeFinding(size, limit: limit, path: path))
            return nil
        case let .success(data):
            switch decode(data, path) {
            case let .success(decoded):
                let findings = check(decoded)
                diagnostics += findings
                return findings.isEmpty ? decoded : nil
            case let .failure(finding):
                diagnostics.append(finding)
                return nil
            }
        }
    }

    private func readYAML(_ path: String, diagnostics: inout [Diagnostic]) -> SourceNode? {
        guard let source = readSource(path, diagnostics: &diagnostics) else { return nil }
        switch SourceNode.parse(source.text, file: path) {
        case let .success(node?): return node
        case .success(nil):
            diagnostics.append(.error(.missingField, at: .start(of: path), "'\(path)' is empty; see docs/ for what it holds"))
            return nil
        case let .failure(finding):
            diagnostics.append(finding)
            return nil
        }
    }

    /// Reads a YAML file that holds a list of entries; nil when the file cannot be read as a list at all.
    private func readList<Entry>(
        _ path: String, _ choice: LanguageChoice, diagnostics: inout [Diagnostic], unreadable: inout Set<String>,
        _ read: (SourceNode, inout [Diagnostic]) -> (Entry?, id: String?)
    ) -> [Entry]? {
        guard let node = readYAML(path, diagnostics: &diagnostics) else { return nil }
        let root = node.localized(choice, diagnostics: &diagnostics)
        guard let elements = root.elements else {
            diagnostics.append(.error(.fieldType, at: root.location,
                "'\(path)' must be a list, each entry starting with '- id: …'"))
            return nil
        }
        var entries: [Entry] = []
        for element in elements {
            let (entry, id) = read(element, &diagnostics)
            if let entry { entries.append(entry) } else if let id { unreadable.insert(id) }
        }
        return entries
    }
}

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

/// Reads a catalogue folder: the four YAML files and every `services/**/*.md`.
public struct CatalogueLoader: Sendable {
    public static let settingsFile = "catalogue.yaml"
    public static let categoriesFile = "categories.yaml"
    public static let teamsFile = "teams.yaml"
    public static let supportModelsFile = "support-models.yaml"
    public static let servicesFolder = "services"

    public let folder: URL

    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    public func load() throws(LoadError) -> LoadedCatalogue {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
            throw .folderNotFound(folder.path)
        }
        guard isFolder.boolValue else { throw .notAFolder(folder.path) }

        var diagnostics: [Diagnostic] = []
        var unreadable = UnreadableIDs()

        let settings = readYAML(Self.settingsFile, diagnostics: &diagnostics).flatMap {
            CatalogueSettings.read($0, diagnostics: &diagnostics, unreadable: &unreadable)
        }
        if settings == nil { unreadable.allPriorities = true }
        let categories = readList(Self.categoriesFile, diagnostics: &diagnostics, unreadable: &unreadable.categories, Category.read)
        let teams = readList(Self.teamsFile, diagnostics: &diagnostics, unreadable: &unreadable.teams, Team.read)
        let supportModels = readList(Self.supportModelsFile, diagnostics: &diagnostics, unreadable: &unreadable.supportModels, SupportModel.read)
        unreadable.allCategories = categories == nil
        unreadable.allTeams = teams == nil
        unreadable.allSupportModels = supportModels == nil

        let (servicePaths, pathFindings) = serviceFiles()
        diagnostics += pathFindings
        let results = servicePaths.concurrentMap { path in
            var findings: [Diagnostic] = []
            var partial = UnreadableIDs()
            let service = readSource(path.path, kind: path.kind, size: path.size, diagnostics: &findings).flatMap {
                Service.read($0, diagnostics: &findings, unreadable: &partial)
            }
            return (service: service, findings: findings, references: partial.serviceReferences)
        }
        var services: [Service] = []
        for (path, result) in zip(servicePaths.map(\.path), results) {
            diagnostics += result.findings
            unreadable.serviceReferences += result.references
            if let service = result.service {
                services.append(service)
            } else {
                unreadable.services.insert(String(path.split(separator: "/").last!.dropLast(3)))
            }
        }

        let catalogue = Catalogue(
            settings: settings ?? CatalogueSettings(title: "", organisation: "", baseURL: nil, language: "en", contact: nil,
                                                    reviewIntervalDays: CatalogueSettings.defaultReviewIntervalDays, priorities: []),
            categories: categories ?? [], teams: teams ?? [], supportModels: supportModels ?? [], services: services,
            unreadable: unreadable, fileCount: 4 + servicePaths.count)
        return LoadedCatalogue(catalogue: catalogue, diagnostics: diagnostics)
    }

    /// Every `.md` file under `services/`, as paths relative to the catalogue folder, sorted so that the
    /// result never depends on the file system's listing order. Hidden files and folders are skipped.
    /// A source file as the folder listing shows it, so that reading it needs no second look at the disk.
    struct Listed: Sendable {
        let path: String
        let kind: FileAttributeType?
        let size: Int?
    }

    func serviceFiles() -> (paths: [Listed], findings: [Diagnostic]) {
        let root = folder.appendingPathComponent(Self.servicesFolder).path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return ([], []) }
        var paths: [Listed] = []
        var findings: [Diagnostic] = []
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last ?? ""
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            let path = "\(Self.servicesFolder)/\(relative)"
            // Foundation puts U+FFFD where a name's bytes are not UTF-8; such a file cannot be named in a link or a URL.
            if relative.contains("\u{FFFD}") {
                findings.append(.error(.unsafePath, at: .start(of: path),
                    "this file name is not valid UTF-8; rename it with letters a-z, digits and hyphens"))
                continue
            }
            guard name.hasSuffix(".md") else { continue }
            let attributes = enumerator.fileAttributes
            let type = attributes?[.type] as? FileAttributeType
            guard type == .typeRegular || type == .typeSymbolicLink else { continue }
            paths.append(Listed(path: path, kind: type, size: (attributes?[.size] as? NSNumber)?.intValue))
        }
        paths.sort { $0.path < $1.path }
        if paths.count > SourceLimits.maxFiles {
            findings.append(.error(.limit, at: .start(of: Self.servicesFolder),
                "the catalogue has \(paths.count) service files, over the limit of \(SourceLimits.maxFiles); only the first are checked"))
            paths = Array(paths.prefix(SourceLimits.maxFiles))
        }
        return (paths, findings)
    }

    /// Reads and decodes a source file, refusing one that leads outside the catalogue or is too large.
    /// `kind` and `size` come from the folder listing when it has them (a link's size is its target's).
    private func readSource(_ path: String, kind: FileAttributeType? = nil, size: Int? = nil,
                            diagnostics: inout [Diagnostic]) -> SourceText? {
        let url = folder.appendingPathComponent(path)
        let attributes = kind == nil ? try? FileManager.default.attributesOfItem(atPath: url.path) : nil
        let kind = kind ?? attributes?[.type] as? FileAttributeType
        var size = size ?? (attributes?[.size] as? NSNumber)?.intValue ?? 0
        if kind == .typeSymbolicLink {
            if let finding = outside(url, path: path) {
                diagnostics.append(finding)
                return nil
            }
            size = ((try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path))?[.size] as? NSNumber)?.intValue ?? 0
        }
        if let finding = SourceLimits.checkSize(size, path: path) {
            diagnostics.append(finding)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(.error(.missingFile, at: .start(of: path), "the required file '\(path)' is missing; create it"))
            return nil
        }
        switch SourceText.decode(data, path: path) {
        case let .success(source):
            let findings = SourceLimits.check(source)
            diagnostics += findings
            return findings.isEmpty ? source : nil
        case let .failure(finding):
            diagnostics.append(finding)
            return nil
        }
    }

    /// A finding when a symbolic link leads outside the catalogue folder, whose files alone are published.
    private func outside(_ url: URL, path: String) -> Diagnostic? {
        let resolved = url.resolvingSymlinksInPath().path
        guard !resolved.hasPrefix(folder.resolvingSymlinksInPath().path + "/") else { return nil }
        return .error(.unsafePath, at: .start(of: path),
            "'\(path)' is a symbolic link to '\(resolved)', outside the catalogue; copy the file into the catalogue instead")
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
        _ path: String, diagnostics: inout [Diagnostic], unreadable: inout Set<String>,
        _ read: (SourceNode, inout [Diagnostic]) -> (Entry?, id: String?)
    ) -> [Entry]? {
        guard let root = readYAML(path, diagnostics: &diagnostics) else { return nil }
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

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

        let servicePaths = serviceFiles()
        let results = servicePaths.concurrentMap { path in
            var findings: [Diagnostic] = []
            var partial = UnreadableIDs()
            let service = readSource(path, diagnostics: &findings).flatMap {
                Service.read($0, diagnostics: &findings, unreadable: &partial)
            }
            return (service: service, findings: findings, references: partial.serviceReferences)
        }
        var services: [Service] = []
        for (path, result) in zip(servicePaths, results) {
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
            categories: categories, teams: teams, supportModels: supportModels, services: services,
            unreadable: unreadable, fileCount: 4 + servicePaths.count)
        return LoadedCatalogue(catalogue: catalogue, diagnostics: diagnostics)
    }

    /// Every `.md` file under `services/`, as paths relative to the catalogue folder, sorted so that the
    /// result never depends on the file system's listing order. Hidden files and folders are skipped.
    func serviceFiles() -> [String] {
        let root = folder.appendingPathComponent(Self.servicesFolder).path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last ?? ""
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            guard name.hasSuffix(".md"), enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            paths.append("\(Self.servicesFolder)/\(relative)")
        }
        return paths.sorted()
    }

    private func readSource(_ path: String, diagnostics: inout [Diagnostic]) -> SourceText? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else {
            diagnostics.append(.error(.missingFile, at: .start(of: path), "the required file '\(path)' is missing; create it"))
            return nil
        }
        switch SourceText.decode(data, path: path) {
        case let .success(source): return source
        case let .failure(finding): diagnostics.append(finding); return nil
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

    /// Reads a YAML file that holds a list of entries.
    private func readList<Entry>(
        _ path: String, diagnostics: inout [Diagnostic], unreadable: inout Set<String>,
        _ read: (SourceNode, inout [Diagnostic]) -> (Entry?, id: String?)
    ) -> [Entry] {
        guard let root = readYAML(path, diagnostics: &diagnostics) else { return [] }
        guard let elements = root.elements else {
            diagnostics.append(.error(.fieldType, at: root.location,
                "'\(path)' must be a list, each entry starting with '- id: …'"))
            return []
        }
        var entries: [Entry] = []
        for element in elements {
            let (entry, id) = read(element, &diagnostics)
            if let entry { entries.append(entry) } else if let id { unreadable.insert(id) }
        }
        return entries
    }
}

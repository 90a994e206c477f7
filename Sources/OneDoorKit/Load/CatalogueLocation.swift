public import Foundation

/// Where a command finds its catalogue when it is not told: as git finds `.git`, the nearest of the
/// current folder and its parents that is a catalogue (holds `catalogue.yaml`) or holds one in a
/// `catalogue/` folder.
public struct CatalogueLocation: Sendable, Equatable {
    /// The catalogue folder.
    public let folder: URL
    /// Where `build` writes the portal unless told: `site/` beside a folder named `catalogue` (the
    /// layout `onedoor init` makes), else `site/` inside the catalogue.
    public let output: URL

    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
        output = self.folder.lastPathComponent == "catalogue"
            ? self.folder.deletingLastPathComponent().appendingPathComponent("site")
            : self.folder.appendingPathComponent("site")
    }

    /// The nearest catalogue from `start` up; nil when there is none.
    public static func find(from start: URL) -> CatalogueLocation? {
        var folder = start.standardizedFileURL
        while true {
            if isFile(folder.appendingPathComponent(CatalogueLoader.settingsFile)) { return CatalogueLocation(folder: folder) }
            let nested = folder.appendingPathComponent("catalogue")
            if isFile(nested.appendingPathComponent(CatalogueLoader.settingsFile)) { return CatalogueLocation(folder: nested) }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    private static func isFile(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && !isFolder.boolValue
    }
}

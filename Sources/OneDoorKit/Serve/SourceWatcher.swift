public import Foundation

/// Notices changes under some folders by comparing each file's modification time and size, polled:
/// it works the same on every system and needs no file-system events.
public struct SourceWatcher: Sendable {
    public let folders: [URL]

    public init(folders: [URL]) {
        self.folders = folders
    }

    /// What the folders hold now; two equal fingerprints mean nothing changed.
    public func fingerprint() -> [String: String] {
        folders.reduce(into: [:]) { result, folder in
            result.merge(FileSystem.stamps(under: folder.standardizedFileURL.path)) { first, _ in first }
        }
    }
}

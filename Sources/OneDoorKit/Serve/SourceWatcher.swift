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
        var result: [String: String] = [:]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { continue }
            while let path = enumerator.nextObject() as? String {
                guard let attributes = enumerator.fileAttributes, attributes[.type] as? FileAttributeType != .typeDirectory else { continue }
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                result[folder.path + "/" + path] = "\(modified):\(attributes[.size] ?? 0)"
            }
        }
        return result
    }
}

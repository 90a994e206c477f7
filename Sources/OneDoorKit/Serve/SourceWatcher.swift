public import Foundation

/// Notices changes under some folders by comparing each file's modification time and size. Where the
/// system reports file events (Linux), a save is noticed at once and the files are looked at again
/// only then, and every two seconds in case an event went missing (a network file system); elsewhere
/// they are looked at four times a second.
public struct SourceWatcher: Sendable {
    public let folders: [URL]
    private let events: FolderEvents?

    public init(folders: [URL]) {
        self.folders = folders
        events = FolderEvents(folders: folders.map(\.standardizedFileURL.path))
    }

    /// Whether the system reports changes, so that they are noticed at once.
    public var hearsOfChanges: Bool { events != nil }

    /// What the folders hold now; two equal fingerprints mean nothing changed.
    public func fingerprint() -> [String: String] {
        folders.reduce(into: [:]) { result, folder in
            result.merge(FileSystem.stamps(under: folder.standardizedFileURL.path)) { first, _ in first }
        }
    }

    /// Waits until the folders hold something other than `seen`, and returns what they hold then.
    /// Ends with a `CancellationError` when the task is cancelled.
    public func change(from seen: [String: String]) async throws -> [String: String] {
        let tick: Swift.Duration = events == nil ? .milliseconds(250) : .milliseconds(20)
        let lookEvery = events == nil ? 1 : 100
        var ticks = 0
        while true {
            try await Task.sleep(for: tick)
            ticks += 1
            if events?.changeReported() == true {
                // An editor saves in steps (a new file, then a rename): look once they have settled.
                var settling = 0
                repeat {
                    try await Task.sleep(for: tick)
                    settling += 1
                } while events?.changeReported() == true && settling < 25
            } else if ticks % lookEvery != 0 {
                continue
            }
            let now = fingerprint()
            if now != seen { return now }
        }
    }
}

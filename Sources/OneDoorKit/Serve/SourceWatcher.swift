public import Foundation

/// Notices changes under some folders by comparing each file's modification time and size. Where the
/// system reports file events (Linux), a save is noticed at once and only the files it names are looked
/// at again; everything is looked at now and then as well, in case an event went missing (a network
/// file system). Elsewhere everything is looked at four times a second.
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
        guard let events else {
            while true {
                try await Task.sleep(for: .milliseconds(250))
                let now = fingerprint()
                if now != seen { return now }
            }
        }
        var lookedAt = ContinuousClock.now
        var lookTook = Swift.Duration.zero
        while true {
            try await Task.sleep(for: .milliseconds(20))
            var report = events.report()
            if report == .nothing {
                // Everything is looked at every two seconds, or more rarely in a catalogue so large that
                // looking would otherwise keep a core busy.
                guard ContinuousClock.now - lookedAt >= max(.seconds(2), lookTook * 20) else { continue }
                report = .everything
            } else {
                // An editor saves in steps (a new file, then a rename): look once they have settled.
                for _ in 0..<25 {
                    try await Task.sleep(for: .milliseconds(20))
                    let more = events.report()
                    if more == .nothing { break }
                    report = report.adding(more)
                }
            }
            let now: [String: String]
            if case let .files(paths) = report {
                now = paths.reduce(into: seen) { stamps, path in
                    guard FileSystem.isStamped(path.split(separator: "/").last ?? "") else { return }
                    stamps[path] = FileSystem.stamp(of: path)
                }
            } else {
                let started = ContinuousClock.now
                now = fingerprint()
                lookedAt = ContinuousClock.now
                lookTook = lookedAt - started
            }
            if now != seen { return now }
        }
    }
}

extension FolderEvents.Report {
    func adding(_ other: Self) -> Self {
        switch (self, other) {
        case (.everything, _), (_, .everything): .everything
        case (.nothing, _): other
        case (_, .nothing): self
        case let (.files(these), .files(those)): .files(these.union(those))
        }
    }
}

#if canImport(Glibc)
internal import Glibc
#endif
internal import Synchronization

/// The system's word of what changed under some folders (Linux `inotify`), so that `serve` notices a
/// save at once, and looks again only at the files it names instead of at every file. Nil where the
/// system has no such events, or will not watch (too many folders); looking alone then tells.
final class FolderEvents: Sendable {
    /// What the system reported since the last look.
    enum Report: Equatable {
        case nothing
        /// These files (full paths) were written, made, removed or renamed.
        case files(Set<String>)
        /// A folder came or went, or the system lost count: only a look at everything tells what changed.
        case everything
    }

    private let descriptor: Int32
    private let folders: [String]
    /// The folder each watch stands for.
    private let watched = Mutex<[Int32: String]>([:])

    #if canImport(Glibc)
    private static let mask = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE
                                     | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)

    init?(folders: [String]) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.folders = folders
        guard watchEveryFolder() else { return nil }
    }

    deinit {
        close(descriptor)
    }

    /// What was reported since the last call; never waits. After a folder came or went, every folder
    /// is watched again, so that one made since is watched too.
    func report() -> Report {
        var files: Set<String> = []
        var everything = false
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            // Each event: a watch, a mask, a cookie, the length of the name, then the name, padded with zeros.
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let name = String(decoding: buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }, as: UTF8.self)
                offset += 16 + length
                let aboutAFolder = mask & UInt32(IN_ISDIR | IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_Q_OVERFLOW) != 0
                if aboutAFolder || name.isEmpty {
                    everything = true
                } else if let folder = watched.withLock({ $0[watch] }) {
                    files.insert(folder + "/" + name)
                }
            }
        }
        if everything {
            _ = watchEveryFolder()
            return .everything
        }
        return files.isEmpty ? .nothing : .files(files)
    }

    /// Watches each folder and every folder under it that the fingerprint looks into; false when one
    /// could not be watched.
    private func watchEveryFolder() -> Bool {
        var watches: [Int32: String] = [:]
        for folder in folders.flatMap(FileSystem.folders(under:)) {
            let watch = inotify_add_watch(descriptor, folder, Self.mask)
            guard watch >= 0 else {
                // A folder that is gone is no failure: the next look at the files tells.
                if errno == ENOENT || errno == ENOTDIR { continue }
                return false
            }
            watches[watch] = folder
        }
        watched.withLock { $0 = watches }
        return true
    }
    #else
    init?(folders: [String]) {
        return nil
    }

    func report() -> Report { .nothing }
    #endif
}

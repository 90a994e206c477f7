#if canImport(Glibc)
internal import Glibc
#endif

/// The system's word that something changed under some folders (Linux `inotify`), so that `serve`
/// notices a save at once instead of at its next look at every file. It says *that* something may
/// have changed, never what: `SourceWatcher`'s fingerprint still decides. Nil where the system has no
/// such events, or will not watch (too many folders); looking alone then tells.
final class FolderEvents: Sendable {
    private let descriptor: Int32
    private let folders: [String]

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

    /// True when a change was reported since the last call; never waits. The folders are watched
    /// again after one, so that a folder made since is watched too.
    func changeReported() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 8 * 1024)
        var reported = false
        while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {
            reported = true
        }
        if reported { _ = watchEveryFolder() }
        return reported
    }

    /// Watches each folder and every folder under it but hidden ones; false when one could not be watched.
    private func watchEveryFolder() -> Bool {
        var pending = folders
        while let folder = pending.popLast() {
            guard inotify_add_watch(descriptor, folder, Self.mask) >= 0 else {
                // A folder that is gone is no failure: the next look at the files tells.
                if errno == ENOENT || errno == ENOTDIR { continue }
                return false
            }
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let item = readdir(directory) {
                let name = withUnsafeBytes(of: item.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard !name.hasPrefix(".") else { continue }
                let path = folder + "/" + name
                var info = stat()
                let isFolder = item.pointee.d_type == UInt8(DT_UNKNOWN)
                    ? lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                    : item.pointee.d_type == UInt8(DT_DIR)
                if isFolder { pending.append(path) }
            }
        }
        return true
    }
    #else
    init?(folders: [String]) {
        return nil
    }

    func changeReported() -> Bool { false }
    #endif
}

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import Foundation

/// One file found in a folder, or a folder that a listing passed over and must say so.
public struct SourceFile: Sendable {
    public enum Kind: Sendable {
        case file
        /// A symbolic link to a folder, which is not followed.
        case linkedFolder
        /// A folder that could not be opened: permission denied.
        case unreadableFolder
    }

    /// The path relative to the listed folder's parent, as `services/a/b.md`.
    public let path: String
    public let isSymbolicLink: Bool
    /// False when the name's bytes are not UTF-8 (the path then shows U+FFFD in their place).
    public let hasValidName: Bool
    public let kind: Kind

    public init(path: String, isSymbolicLink: Bool, hasValidName: Bool, kind: Kind = .file) {
        self.path = path
        self.isSymbolicLink = isSymbolicLink
        self.hasValidName = hasValidName
        self.kind = kind
    }
}

/// Files as the operating system shows them: listed with `readdir`, read with one `open`, `fstat` and
/// `read`, written with `open` and `write`. Foundation's enumerator, `attributesOfItem` and `createFile`
/// cost more than the reading and writing themselves in a catalogue of 100,000 services.
enum FileSystem {
    /// Every file under `folder` whose name passes `include`, depth first; hidden files and folders are
    /// skipped, and linked folders are not followed but listed as such, as are folders that cannot be
    /// opened. `prefix` starts each path.
    static func list(_ folder: String, prefix: String, include: (String) -> Bool) -> [SourceFile] {
        guard let directory = opendir(folder) else {
            let denied = errno == EACCES || errno == EPERM
            return denied ? [SourceFile(path: prefix, isSymbolicLink: false, hasValidName: true, kind: .unreadableFolder)] : []
        }
        defer { closedir(directory) }
        var entries: [SourceFile] = []
        while let item = readdir(directory) {
            let (name, valid) = withUnsafeBytes(of: item.pointee.d_name) { raw in
                let bytes = Array(raw.prefix { $0 != 0 })
                return (String(decoding: bytes, as: UTF8.self), String(validating: bytes, as: UTF8.self) != nil)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = "\(prefix)/\(name)"
            var kind = item.pointee.d_type
            if kind == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat("\(folder)/\(name)", &info) == 0 else { continue }
                kind = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
            }
            switch kind {
            case UInt8(DT_DIR):
                entries += list("\(folder)/\(name)", prefix: path, include: include)
            case UInt8(DT_LNK) where isFolder("\(folder)/\(name)"):
                entries.append(SourceFile(path: path, isSymbolicLink: true, hasValidName: valid, kind: .linkedFolder))
            case UInt8(DT_REG), UInt8(DT_LNK):
                if !valid || include(name) { entries.append(SourceFile(path: path, isSymbolicLink: kind == UInt8(DT_LNK), hasValidName: valid)) }
            default:
                continue
            }
        }
        return entries
    }

    /// Each file under `folder` (links not followed) with its modification time and size: two equal
    /// results mean nothing changed. Hidden files and backups ending in `~` are left out, as the
    /// loader leaves them out: an editor's swap files come and go without changing anything.
    static func stamps(under folder: String) -> [String: String] {
        var stamps: [String: String] = [:]
        walk(folder) { path, info in
            if (info.st_mode & S_IFMT) != S_IFDIR { stamps[path] = stamp(info) }
        }
        return stamps
    }

    /// `folder` and every folder under it that `stamps` looks into.
    static func folders(under folder: String) -> [String] {
        var folders = [folder]
        walk(folder) { path, info in
            if (info.st_mode & S_IFMT) == S_IFDIR { folders.append(path) }
        }
        return folders
    }

    /// Hands each file and folder under `folder` whose name `isStamped` to `visit`, with its `lstat`,
    /// depth first; links are not followed.
    private static func walk(_ folder: String, _ visit: (String, stat) -> Void) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard isStamped(name) else { continue }
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            visit(path, info)
            if (info.st_mode & S_IFMT) == S_IFDIR { walk(path, visit) }
        }
    }

    /// One file's entry of `stamps`; nil when there is nothing at `path`, or a folder.
    static func stamp(of path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
        return stamp(info)
    }

    /// Whether `stamps` looks at a file or folder of this name.
    static func isStamped(_ name: some StringProtocol) -> Bool {
        !name.hasPrefix(".") && !name.hasSuffix("~")
    }

    private static func stamp(_ info: stat) -> String {
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return "\(modified.tv_sec).\(modified.tv_nsec):\(info.st_size)"
    }

    /// Whether `path` is a symbolic link itself (nil when there is nothing there).
    static func isSymbolicLink(_ path: String) -> Bool? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Whether `path`, links followed, is a folder.
    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Why a file could not be read.
    enum ReadFailure: Error {
        case missing
        case permissionDenied
        case tooLarge(size: Int)
    }

    /// The bytes of a file no larger than `limit`, measured before any is read (a link's target counts).
    static func contents(of path: String, limit: Int) -> Result<Data, ReadFailure> {
        // Non-blocking, so that a named pipe (or a link to one) is refused below instead of waited on.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(errno == EACCES || errno == EPERM ? .permissionDenied : .missing) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.missing) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(size: size)) }
        var data = Data(count: size)
        var total = 0
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            while total < size {
                let count = read(descriptor, buffer.baseAddress! + total, size - total)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                total += count
            }
            return true
        }
        return complete ? .success(data) : .failure(.missing)
    }

    /// True when both files exist and hold the same bytes, read a block at a time.
    static func sameContents(_ first: String, _ second: String) -> Bool {
        let (a, b) = (open(first, O_RDONLY | O_CLOEXEC), open(second, O_RDONLY | O_CLOEXEC))
        defer {
            if a >= 0 { close(a) }
            if b >= 0 { close(b) }
        }
        var (infoA, infoB) = (stat(), stat())
        guard a >= 0, b >= 0, fstat(a, &infoA) == 0, fstat(b, &infoB) == 0, infoA.st_size == infoB.st_size else { return false }
        var (blockA, blockB) = ([UInt8](repeating: 0, count: 1 << 16), [UInt8](repeating: 0, count: 1 << 16))
        while true {
            let countA = blockA.withUnsafeMutableBytes { read(a, $0.baseAddress!, $0.count) }
            guard countA > 0 else { return countA == 0 }
            var filled = 0
            while filled < countA {
                let countB = blockB.withUnsafeMutableBytes { read(b, $0.baseAddress! + filled, countA - filled) }
                guard countB > 0 else { return false }
                filled += countB
            }
            let same = blockA.withUnsafeBytes { a in
                blockB.withUnsafeBytes { b in sameBytes(UnsafeRawBufferPointer(rebasing: a[..<countA]), UnsafeRawBufferPointer(rebasing: b[..<countA])) }
            }
            guard same else { return false }
        }
    }

    /// True when both hold the same bytes, compared as memory.
    static func sameBytes(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
        first.count == second.count && (first.isEmpty || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0)
    }

    /// Creates (or replaces) a file with `bytes`.
    static func save(_ bytes: [UInt8], to path: String) throws(WriteError) {
        try save(parts: { emit in emit(bytes) }, to: path)
    }

    /// Creates (or replaces) a file with the parts `parts` hands over, in order.
    static func save(parts: (_ emit: ([UInt8]) -> Void) -> Void, to path: String) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var failure: Int32 = 0
        parts { bytes in
            var written = 0
            while failure == 0, written < bytes.count {
                let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { failure = count < 0 ? errno : EIO; return }
                written += count
            }
        }
        if failure != 0 { throw .io(path: path, reason: String(cString: strerror(failure))) }
    }
}

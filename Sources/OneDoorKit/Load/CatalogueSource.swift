public import Foundation

/// Where a catalogue's files come from: a folder on disk, or files held in memory (the fuzzer, tests).
/// Paths are relative to the catalogue's root, as findings name them: `services/email.md`.
public protocol CatalogueSource: Sendable {
    /// Throws when there is no catalogue to read at all.
    func validate() throws(LoadError)
    /// The bytes of one file no larger than `limit`. `isSymbolicLink` is what a listing said, if it did.
    func read(_ path: String, limit: Int, isSymbolicLink: Bool?) -> Result<Data, SourceReadFailure>
    /// Every file under `folder` whose name passes `include`, hidden ones left out, in no set order.
    func files(under folder: String, include: (String) -> Bool) -> [SourceFile]
}

/// Why a source file could not be read.
public enum SourceReadFailure: Error, Equatable, Sendable {
    case missing
    case permissionDenied
    case tooLarge(size: Int)
    /// A symbolic link that leads outside the catalogue, to `target`.
    case outside(target: String)
}

/// A catalogue in a folder on disk.
public struct FolderSource: CatalogueSource {
    public let folder: URL
    /// The folder's path, worked out once: files are read by path, without a `URL` each.
    private let root: String

    public init(_ folder: URL) {
        self.folder = folder.standardizedFileURL
        root = self.folder.path
    }

    public func validate() throws(LoadError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else { throw .folderNotFound(root) }
        guard isFolder.boolValue else { throw .notAFolder(root) }
    }

    public func read(_ path: String, limit: Int, isSymbolicLink: Bool?) -> Result<Data, SourceReadFailure> {
        let file = root + "/" + path
        if isSymbolicLink ?? FileSystem.isSymbolicLink(file) ?? false {
            // Only the catalogue folder's own files are published.
            let resolved = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
            guard resolved.hasPrefix(folder.resolvingSymlinksInPath().path + "/") else { return .failure(.outside(target: resolved)) }
        }
        return FileSystem.contents(of: file, limit: limit).mapError { failure in
            switch failure {
            case .missing: .missing
            case .permissionDenied: .permissionDenied
            case let .tooLarge(size): .tooLarge(size: size)
            }
        }
    }

    public func files(under folder: String, include: (String) -> Bool) -> [SourceFile] {
        FileSystem.list(root + "/" + folder, prefix: folder, include: include)
    }
}

/// A catalogue held in memory, by path.
public struct MemorySource: CatalogueSource {
    public let files: [String: [UInt8]]

    public init(files: [String: [UInt8]]) {
        self.files = files
    }

    public func validate() throws(LoadError) {}

    public func read(_ path: String, limit: Int, isSymbolicLink: Bool?) -> Result<Data, SourceReadFailure> {
        guard let bytes = files[path] else { return .failure(.missing) }
        return bytes.count > limit ? .failure(.tooLarge(size: bytes.count)) : .success(Data(bytes))
    }

    public func files(under folder: String, include: (String) -> Bool) -> [SourceFile] {
        files.keys.filter { path in
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return path.hasPrefix(folder + "/") && !path.split(separator: "/").contains { $0.hasPrefix(".") } && include(name)
        }.map { SourceFile(path: $0, isSymbolicLink: false, hasValidName: true) }
    }
}

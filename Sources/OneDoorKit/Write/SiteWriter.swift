public import Foundation

/// Why the portal could not be written. The previous output is left as it was in every case.
public enum WriteError: Error, Equatable, CustomStringConvertible {
    /// The output folder would overwrite the catalogue or the whole file system.
    case unsafeOutput(path: String, reason: String)
    /// The output folder holds files that OneDoor did not write.
    case foreignOutput(path: String)
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unsafeOutput(path, reason):
            "refusing to write the portal into '\(path)': \(reason); choose another --output folder"
        case let .foreignOutput(path):
            "'\(path)' holds files that onedoor did not write, and a build replaces its output folder whole; choose an empty or new --output folder"
        case let .io(path, reason):
            "could not write '\(path)': \(reason)"
        }
    }
}

/// Writes the portal into a new folder beside the output, then swaps it in, so that a failed or
/// interrupted build leaves the previous portal whole. It only ever deletes its own folders.
/// A file whose bytes did not change is linked from the previous output instead of written again,
/// so it keeps its modification time and web servers, caches and `rsync` see it unchanged.
public struct SiteWriter: Sendable {
    /// A file in every output folder, so that a later build knows the folder is its own to replace.
    public static let marker = ".onedoor-output"

    public let output: URL
    public let catalogueFolder: URL

    public init(output: URL, catalogueFolder: URL) {
        self.output = output.standardizedFileURL.resolvingSymlinksInPath()
        self.catalogueFolder = catalogueFolder.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// Checks the output folder can be replaced, before any work is done.
    public func validate() throws(WriteError) {
        let path = output.path
        let catalogue = catalogueFolder.path
        if path == "/" { throw .unsafeOutput(path: path, reason: "it is the root of the file system") }
        if path == catalogue { throw .unsafeOutput(path: path, reason: "it is the catalogue folder") }
        if catalogue.hasPrefix(path + "/") { throw .unsafeOutput(path: path, reason: "it contains the catalogue folder") }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw .unsafeOutput(path: path, reason: "it is a file") }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if !contents.isEmpty, !contents.contains(Self.marker) { throw .foreignOutput(path: path) }
    }

    /// True when the previous output holds the same bytes at the same path.
    private func unchanged(_ file: OutputFile) -> Bool {
        let previous = output.appendingPathComponent(file.path).path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: previous),
              attributes[.type] as? FileAttributeType == .typeRegular,
              (attributes[.size] as? NSNumber)?.intValue == file.bytes.count,
              let data = FileManager.default.contents(atPath: previous) else { return false }
        return data.elementsEqual(file.bytes)
    }

    /// Writes every file into a staging folder, then swaps it with the output folder.
    public func write(_ files: [OutputFile]) throws(WriteError) {
        try validate()
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).onedoor-new")
        let previous = parent.appendingPathComponent(".\(name).onedoor-old")
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            // Left by an interrupted build: ours to remove.
            for leftover in [staging, previous] where fileManager.fileExists(atPath: leftover.path) {
                try fileManager.removeItem(at: leftover)
            }
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            var folders: Set<String> = []
            for file in files + [OutputFile(path: Self.marker, text: "Written by onedoor build, which replaces this folder whole.\n")] {
                let url = staging.appendingPathComponent(file.path)
                let folder = url.deletingLastPathComponent().path
                if folders.insert(folder).inserted {
                    try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                if unchanged(file) {
                    try fileManager.linkItem(at: output.appendingPathComponent(file.path), to: url)
                } else if !fileManager.createFile(atPath: url.path, contents: Data(file.bytes)) {
                    throw WriteError.io(path: url.path, reason: "the file could not be created")
                }
            }
            let hadOutput = fileManager.fileExists(atPath: output.path)
            if hadOutput { try fileManager.moveItem(at: output, to: previous) }
            do {
                try fileManager.moveItem(at: staging, to: output)
            } catch {
                if hadOutput { try? fileManager.moveItem(at: previous, to: output) }
                throw error
            }
            if hadOutput { try fileManager.removeItem(at: previous) }
        } catch let error as WriteError {
            try? fileManager.removeItem(at: staging)
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .io(path: output.path, reason: error.localizedDescription)
        }
    }
}

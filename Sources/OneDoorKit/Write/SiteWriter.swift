public import Foundation
internal import Synchronization
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

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
        guard case let .success(data) = FileSystem.contents(of: output.path + "/" + file.path, limit: file.bytes.count) else {
            return false
        }
        return data.count == file.bytes.count && data.elementsEqual(file.bytes)
    }

    /// Writes every file into a staging folder, then swaps it with the output folder.
    public func write(_ files: [OutputFile]) throws(WriteError) {
        _ = try write { write in files.forEach(write) }
    }

    /// Writes the files that `produce` hands to its argument — from any thread, in any order — into a
    /// staging folder, then swaps it with the output folder. Returns the paths written.
    public func write(_ produce: (_ write: @Sendable (OutputFile) -> Void) -> Void) throws(WriteError) -> [String] {
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
            let progress = Progress(staging: staging.path)
            let write: @Sendable (OutputFile) -> Void = { file in
                guard progress.state.withLock({ $0.error == nil }) else { return }
                do throws(WriteError) {
                    try self.place(file, in: progress)
                } catch {
                    progress.state.withLock { $0.error = $0.error ?? error }
                }
            }
            produce(write)
            write(OutputFile(path: Self.marker, text: "Written by onedoor build, which replaces this folder whole.\n"))
            let (paths, failure) = progress.state.withLock { ($0.paths, $0.error) }
            if let failure { throw failure }
            let hadOutput = fileManager.fileExists(atPath: output.path)
            if hadOutput { try fileManager.moveItem(at: output, to: previous) }
            do {
                try fileManager.moveItem(at: staging, to: output)
            } catch {
                if hadOutput { try? fileManager.moveItem(at: previous, to: output) }
                throw error
            }
            if hadOutput { try fileManager.removeItem(at: previous) }
            return paths.filter { $0 != Self.marker }
        } catch let error as WriteError {
            try? fileManager.removeItem(at: staging)
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .io(path: output.path, reason: error.localizedDescription)
        }
    }

    /// Writes one file into the staging folder, or links it from the previous output when unchanged.
    private func place(_ file: OutputFile, in progress: Progress) throws(WriteError) {
        let path = progress.staging + "/" + file.path
        let folder = String(path[..<path.lastIndex(of: "/")!])
        if progress.state.withLock({ !$0.folders.contains(folder) }) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .io(path: folder, reason: error.localizedDescription)
            }
            progress.state.withLock { _ = $0.folders.insert(folder) }
        }
        if unchanged(file) {
            guard link(output.path + "/" + file.path, path) == 0 else { throw .io(path: path, reason: "the file could not be linked") }
        } else {
            try FileSystem.save(file.bytes, to: path)
        }
        progress.state.withLock { $0.paths.append(file.path) }
    }

    /// What the threads writing into the staging folder share.
    private final class Progress: Sendable {
        let staging: String
        let state: Mutex<(folders: Set<String>, paths: [String], error: WriteError?)>

        init(staging: String) {
            self.staging = staging
            state = Mutex(([staging], [], nil))
        }
    }
}

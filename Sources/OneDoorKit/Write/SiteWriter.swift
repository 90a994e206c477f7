public import Foundation
internal import Synchronization
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

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

    /// Writes every file into a staging folder, then swaps it with the output folder.
    public func write(_ files: [OutputFile]) throws(WriteError) {
        _ = try write { sink in files.forEach(sink.write) }
    }

    /// Writes the files that `produce` hands to its sink — from any thread, in any order — into a
    /// staging folder, then swaps it with the output folder. Returns the paths written.
    public func write(_ produce: (any OutputSink) -> Void) throws(WriteError) -> [String] {
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
            let sink = StagingFolder(path: staging.path, previous: output.path)
            produce(sink)
            sink.write(OutputFile(path: Self.marker, text: "Written by onedoor build, which replaces this folder whole.\n"))
            let (paths, failure) = sink.state.withLock { ($0.paths, $0.error) }
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

    /// The folder a build writes into, shared by the threads that render. The first error stops
    /// further writes and is kept for the end.
    private final class StagingFolder: OutputSink {
        let path: String
        /// The output of the previous build, whose unchanged files are linked instead of written.
        let previous: String
        let state: Mutex<(folders: Set<String>, paths: [String], error: WriteError?)>

        init(path: String, previous: String) {
            self.path = path
            self.previous = previous
            state = Mutex(([path], [], nil))
        }

        func write(_ file: OutputFile) {
            record(file.path) { (target) throws(WriteError) in
                // Joined once: a file of many parts (`catalogue.json` in `onedoor serve`) is compared, then saved.
                let bytes = file.bytes
                if unchanged(bytes, at: file.path) {
                    guard link(previous + "/" + file.path, target) == 0 else { throw .io(path: target, reason: "the file could not be linked") }
                } else {
                    try FileSystem.save(bytes, to: target)
                }
            }
        }

        func write(path: String, parts: (_ emit: ([UInt8]) -> Void) -> Void) {
            record(path) { (target) throws(WriteError) in
                try FileSystem.save(parts: parts, to: target)
                // Compared once written, a piece at a time: such a file is too large to hold twice.
                let earlier = previous + "/" + path
                if FileSystem.sameContents(target, earlier) {
                    guard unlink(target) == 0, link(earlier, target) == 0 else {
                        throw .io(path: target, reason: "the file could not be linked")
                    }
                }
            }
        }

        /// Runs `save` with the file's path in the staging folder, its folder made, unless a write failed before.
        private func record(_ relative: String, _ save: (String) throws(WriteError) -> Void) {
            guard state.withLock({ $0.error == nil }) else { return }
            let target = path + "/" + relative
            let folder = String(target[..<target.lastIndex(of: "/")!])
            do throws(WriteError) {
                if state.withLock({ !$0.folders.contains(folder) }) {
                    do {
                        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    } catch {
                        throw .io(path: folder, reason: error.localizedDescription)
                    }
                    state.withLock { _ = $0.folders.insert(folder) }
                }
                try save(target)
                state.withLock { $0.paths.append(relative) }
            } catch {
                state.withLock { $0.error = $0.error ?? error }
            }
        }

        /// True when the previous output holds `bytes` at `path`.
        private func unchanged(_ bytes: [UInt8], at path: String) -> Bool {
            guard case let .success(data) = FileSystem.contents(of: previous + "/" + path, limit: bytes.count) else { return false }
            // Compared as memory: `Data`'s own `elementsEqual` goes a byte at a time through its iterator,
            // which took a tenth of a rebuild's time at 10,000 services.
            return data.withUnsafeBytes { old in bytes.withUnsafeBytes { new in FileSystem.sameBytes(old, new) } }
        }
    }
}

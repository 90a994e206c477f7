import ArgumentParser
import Foundation
import OneDoorKit

/// The catalogue folder and `--strict`, shared by the commands that read a catalogue.
struct CatalogueOptions: ParsableArguments {
    @Argument(help: "The catalogue folder (default: the nearest catalogue from here up, else ./catalogue).",
              completion: .directory)
    var folder: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    /// The catalogue: the folder given, or the one found.
    func location() throws -> CatalogueLocation { try locateCatalogue(folder) }

    /// The pipeline for the catalogue, with `--strict` and `--templates` as given.
    func pipeline(_ location: CatalogueLocation, templates: String? = nil) -> Pipeline {
        Pipeline(atBuildTime: location.folder, templateOverrides: templates.map { URL(fileURLWithPath: $0) }, strict: strict)
    }

    /// The folder as a path relative to the current folder, ending in `/`, for GitHub annotations.
    func pathFromCurrentFolder(_ location: CatalogueLocation) -> String {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let target = location.folder.path
        if target == current { return "" }
        if target.hasPrefix(current + "/") { return String(target.dropFirst(current.count + 1)) + "/" }
        return target + "/"
    }
}

/// The catalogue a command works on: the folder given, else the nearest one from the current folder
/// up, said on standard error when it is not `./catalogue`. Finding none ends the command (status 2).
func locateCatalogue(_ given: String?) throws -> CatalogueLocation {
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    if let given { return CatalogueLocation(folder: URL(fileURLWithPath: given, relativeTo: current)) }
    let standard = CatalogueLocation(folder: current.appendingPathComponent("catalogue"))
    guard let found = CatalogueLocation.find(from: current) else {
        printError("error: no catalogue here: no catalogue.yaml in \(current.path) or a folder above it, nor in a catalogue/ folder "
            + "beside one; name the catalogue folder, or make one with: onedoor init")
        throw ExitCode(2)
    }
    if found != standard { printError("onedoor: using the catalogue in \(relativePath(of: found.folder, from: current))") }
    return found
}

/// `url` as a path from `folder`: `catalogue`, `..`, `../../catalogue`.
func relativePath(of url: URL, from folder: URL) -> String {
    let target = url.standardizedFileURL.pathComponents, base = folder.standardizedFileURL.pathComponents
    let shared = zip(target, base).prefix { $0 == $1 }.count
    let path = Array(repeating: "..", count: base.count - shared) + target.dropFirst(shared)
    return path.isEmpty ? "." : path.joined(separator: "/")
}

/// Runs `stage`; a folder that cannot be read at all ends the command with exit status 2.
func readable<Value>(_ stage: () throws(LoadError) -> Value) throws -> Value {
    do {
        return try stage()
    } catch {
        printError("error: \(error)")
        throw ExitCode(2)
    }
}

extension DiagnosticReport.Colors {
    /// Colours when standard output is a terminal, unless `NO_COLOR` is set (no-color.org) or the
    /// terminal is dumb: plain text in a pipe, a file or CI's log.
    static var forStandardOutput: Self {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDOUT_FILENO) == 1, environment["NO_COLOR"]?.isEmpty ?? true, environment["TERM"] != "dumb" else { return .none }
        return .ansi
    }
}

extension Pipeline {
    /// The pipeline of the catalogue in `folder` at the build's time: now, or `SOURCE_DATE_EPOCH`.
    init(atBuildTime folder: URL, templateOverrides: URL? = nil, strict: Bool = false) {
        let now = BuildClock.now(environment: ProcessInfo.processInfo.environment)
        self.init(folder: folder, today: Day(secondsSince1970: now), now: now, templateOverrides: templateOverrides, strict: strict)
    }
}

extension Day {
    /// Today, or the day of `SOURCE_DATE_EPOCH` when it is set.
    static var today: Day { Day.today(environment: ProcessInfo.processInfo.environment) }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

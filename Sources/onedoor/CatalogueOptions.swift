import ArgumentParser
import Foundation
import OneDoorKit

/// The catalogue folder and `--strict`, shared by the commands that read a catalogue.
struct CatalogueOptions: ParsableArguments {
    @Argument(help: "The catalogue folder.", completion: .directory)
    var folder = "catalogue"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    var folderURL: URL { URL(fileURLWithPath: folder) }

    /// Reads and checks the catalogue; a folder that cannot be read ends the command with exit status 2.
    func loadAndCheck() throws -> (catalogue: Catalogue, report: DiagnosticReport) {
        let loaded = try readCatalogue(at: folderURL)
        let today = Day.today(environment: ProcessInfo.processInfo.environment)
        let findings = CatalogueChecker(today: today).check(folder: loaded).map { $0.strict(strict) }
        return (loaded.catalogue, DiagnosticReport(diagnostics: findings, fileCount: loaded.catalogue.fileCount))
    }

    /// The folder as a path relative to the current folder, ending in `/`, for GitHub annotations.
    var pathFromCurrentFolder: String {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let target = folderURL.standardizedFileURL.path
        if target == current { return "" }
        if target.hasPrefix(current + "/") { return String(target.dropFirst(current.count + 1)) + "/" }
        return target + "/"
    }
}

/// Reads a catalogue folder; one that cannot be read at all ends the command with exit status 2.
func readCatalogue(at folder: URL) throws -> LoadedCatalogue {
    do {
        return try CatalogueLoader(folder: folder).load()
    } catch {
        printError("error: \(error)")
        throw ExitCode(2)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

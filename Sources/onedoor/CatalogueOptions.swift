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

    /// The pipeline for the folder, with `--strict` and `--templates` as given.
    func pipeline(templates: String? = nil) -> Pipeline {
        Pipeline(folder: folderURL, today: .today, templateOverrides: templates.map { URL(fileURLWithPath: $0) }, strict: strict)
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

/// Runs `stage`; a folder that cannot be read at all ends the command with exit status 2.
func readable<Value>(_ stage: () throws(LoadError) -> Value) throws -> Value {
    do {
        return try stage()
    } catch {
        printError("error: \(error)")
        throw ExitCode(2)
    }
}

extension Day {
    /// Today, or the day of `SOURCE_DATE_EPOCH` when it is set.
    static var today: Day { Day.today(environment: ProcessInfo.processInfo.environment) }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

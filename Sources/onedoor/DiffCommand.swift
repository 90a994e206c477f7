import ArgumentParser
import Foundation
import OneDoorKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Say what changed between two versions of a catalogue, breaking changes first.",
        discussion: "OLD and NEW are catalogue folders or catalogue.json files. Exit status 0, or 1 with --fail-on-breaking when a change is breaking.")

    @Argument(help: "The catalogue before the change: a folder or a catalogue.json.", completion: .file())
    var old: String

    @Argument(help: "The catalogue after the change: a folder or a catalogue.json.", completion: .file())
    var new: String

    @Option(help: "How to print: text, markdown (for a pull-request comment) or json.")
    var format: DiffReport.Format = .text

    @Flag(help: "Exit with status 1 when a change is breaking.")
    var failOnBreaking = false

    func run() throws {
        let diff = CatalogueDiff(old: try snapshot(old), new: try snapshot(new))
        print(DiffReport(diff: diff).rendered(as: format), terminator: "")
        if failOnBreaking, !diff.breaking.isEmpty { throw ExitCode(1) }
    }

    private func snapshot(_ path: String) throws -> CatalogueSnapshot {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            printError("error: no catalogue folder or catalogue.json at '\(path)'")
            throw ExitCode(2)
        }
        do {
            if isFolder.boolValue {
                let pipeline = Pipeline(atBuildTime: URL(fileURLWithPath: path))
                let checked = try pipeline.check()
                guard !checked.hasErrors else { throw DiffError.hasErrors(path) }
                return try CatalogueSnapshot(catalogues: pipeline.catalogues(of: checked.catalogue))
            }
            guard let data = FileManager.default.contents(atPath: path) else { throw DiffError.unreadable(path) }
            return try CatalogueSnapshot(json: data)
        } catch {
            printError("error: \(path): \(error)")
            throw ExitCode(2)
        }
    }
}


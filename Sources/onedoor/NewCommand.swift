import ArgumentParser
import Foundation
import OneDoorKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new entry from a template.",
        subcommands: [NewService.self])
}

struct NewService: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "Write a new service file, in its category's folder, ready to fill in.")

    @Argument(help: "The new service's id, such as remote-access.")
    var id: String

    @Option(help: "The id of its category.")
    var category: String

    @Option(help: "The id of the team that owns it.")
    var owner: String

    @Option(help: "The id of its support model (default: the first in support-models.yaml).")
    var supportModel: String?

    @Option(help: "The catalogue folder (default: the nearest catalogue from here up, else ./catalogue).", completion: .directory)
    var catalogue: String?

    func run() throws {
        let folder = try locateCatalogue(catalogue).folder
        let shown = relativePath(of: folder, from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let loaded = try readable(Pipeline(folder: folder, today: .today).load)
        do {
            let path = try ServiceScaffold(id: id, category: category, owner: owner, supportModel: supportModel)
                .create(in: folder, catalogue: loaded.catalogue, today: .today)
            print("Created \(shown)/\(path). Fill in its summary and description, then run: onedoor check \(shown)")
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a small, valid starter catalogue into an empty or new folder.")

    @Argument(help: "The folder to create.", completion: .directory)
    var folder = "catalogue"

    func run() throws {
        do {
            let files = try StarterCatalogue.write(to: URL(fileURLWithPath: folder),
                                                   today: Day.today(environment: ProcessInfo.processInfo.environment))
            print("Created a starter catalogue in \(folder)/: \(files.joined(separator: ", ")).")
            print("Next: edit \(folder)/catalogue.yaml, then add services with: onedoor new service ID --category C --owner T")
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

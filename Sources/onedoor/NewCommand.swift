import ArgumentParser
import Foundation
import OneDoorKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new entry from a template.",
        subcommands: [NewService.self, NewNotice.self])
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

    @Flag(help: "Also write its translation (ID.LANG.md) for each other language of the catalogue.")
    var languages = false

    @Option(help: "The catalogue folder (default: the nearest catalogue from here up, else ./catalogue).", completion: .directory)
    var catalogue: String?

    func run() throws {
        let folder = try locateCatalogue(catalogue).folder
        let shown = relativePath(of: folder, from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let loaded = try readable(Pipeline(atBuildTime: folder).load)
        do {
            let path = try ServiceScaffold(id: id, category: category, owner: owner, supportModel: supportModel, withTranslations: languages)
                .create(in: folder, catalogue: loaded.catalogue, today: .today)
            let paths = path.components(separatedBy: ", ").map { "\(shown)/\($0)" }.joined(separator: ", ")
            print("Created \(paths). Fill in its summary and description, then run: onedoor check \(shown)")
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

struct NewNotice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Write a new notice file in notices/: an incident, a planned change or an announcement.")

    @Argument(help: "The new notice's id, such as remote-access-2026-11-30.")
    var id: String

    @Option(help: "incident, planned-change or announcement.")
    var kind: Notice.Kind

    @Option(name: .customLong("service"), help: "The id of a service it is about; repeat for several.")
    var services: [String] = []

    @Option(help: "For an incident: major or minor.")
    var severity: Notice.Severity?

    @Option(help: "What people see in the list (default: made from the name of the service).")
    var title: String?

    @Option(help: "YYYY-MM-DD HH:MM, in the time zone of the catalogue (default: now).")
    var start: String?

    @Option(help: "YYYY-MM-DD HH:MM: when the work ends (required for a planned change) or the incident was resolved.")
    var end: String?

    @Option(help: "The catalogue folder (default: the nearest catalogue from here up, else ./catalogue).", completion: .directory)
    var catalogue: String?

    func run() throws {
        let folder = try locateCatalogue(catalogue).folder
        let shown = relativePath(of: folder, from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let pipeline = Pipeline(atBuildTime: folder)
        let loaded = try readable(pipeline.load)
        do {
            let path = try NoticeScaffold(id: id, kind: kind, services: services, severity: severity, title: title, start: start, end: end)
                .create(in: folder, catalogue: loaded.catalogue, now: pipeline.now)
            print("Created \(shown)/\(path). Say what people notice and what to do meanwhile, then run: onedoor check \(shown)")
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

    @Option(help: "The languages of the catalogue, the default first, such as en,fr (default: en).")
    var languages = "en"

    func run() throws {
        do {
            let files = try StarterCatalogue.write(to: URL(fileURLWithPath: folder),
                                                   today: Day.today(environment: ProcessInfo.processInfo.environment),
                                                   languages: languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            print("Created a starter catalogue in \(folder)/: \(files.joined(separator: ", ")).")
            print("Next: edit \(folder)/catalogue.yaml, then add services with: onedoor new service ID --category C --owner T")
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

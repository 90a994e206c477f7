import ArgumentParser
import Foundation
import OneDoorKit

struct ImpactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "List every service that depends on a service, directly or through others, with the path.",
        discussion: "For whoever plans a change or an outage. Exit status 2 when there is no such service.")

    @Argument(help: "The id of the service, such as networks.")
    var service: String

    @Argument(help: "The catalogue folder (default: the nearest catalogue from here up, else ./catalogue).", completion: .directory)
    var folder: String?

    @Option(help: "How to print: text or json.")
    var format: ImpactReport.Format = .text

    func run() throws {
        let loaded = try readable(Pipeline(atBuildTime: try locateCatalogue(folder).folder).load)
        do {
            print(try ImpactReport(catalogue: loaded.catalogue, service: service).rendered(as: format), terminator: "")
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}


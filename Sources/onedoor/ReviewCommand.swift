import ArgumentParser
import Foundation
import OneDoorKit

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List the services whose review is overdue or due soon, by owning team, for reminders.")

    @Argument(help: "The catalogue folder (default: the nearest catalogue from here up, else ./catalogue).", completion: .directory)
    var folder: String?

    @Option(help: "Also list services due within this many days.")
    var within = 30

    @Option(help: "How to print: text, csv or json.")
    var format: ReviewSchedule.Format = .text

    func validate() throws {
        guard within >= 0 else { throw ValidationError("--within must be 0 or more days") }
    }

    func run() throws {
        let loaded = try readable(Pipeline(atBuildTime: try locateCatalogue(folder).folder).load)
        let schedule = ReviewSchedule(catalogue: loaded.catalogue, today: .today, within: within)
        print(schedule.rendered(as: format), terminator: "")
    }
}


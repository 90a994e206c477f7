import ArgumentParser
import Foundation
import OneDoorKit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the board pack's tables: results against targets, tickets and satisfaction, period by period.",
        discussion: "The catalogue must pass onedoor check. Exit status 2 when it has no results, or none for --period.")

    @Argument(help: "The catalogue folder (default: the nearest catalogue from here up, else ./catalogue).", completion: .directory)
    var folder: String?

    @Option(help: "The last period to report, as in the files: 2026, 2026-Q3 or 2026-10 (default: the latest).")
    var period: String?

    @Option(help: "How to print: markdown, csv or json.")
    var format: PerformanceReport.Format = .markdown

    func validate() throws {
        if let period, Period(period) == nil { throw ValidationError("'\(period)' is not a period: write 2026, 2026-Q3 or 2026-10") }
    }

    func run() throws {
        let checked = try readable(Pipeline(atBuildTime: try locateCatalogue(folder).folder).check)
        guard !checked.hasErrors else {
            print(checked.report.rendered(as: .text, colors: .forStandardOutput), terminator: "")
            printError("error: the catalogue has errors; fix them first")
            throw ExitCode(1)
        }
        do {
            print(try PerformanceReport(catalogue: checked.catalogue, period: period.flatMap(Period.init)).rendered(as: format), terminator: "")
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

import ArgumentParser
import OneDoorKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a catalogue and print every finding.",
        discussion: "Exit status: 0 with no error, 1 when the catalogue has errors, 2 when the command is wrong or the folder cannot be read.")

    @OptionGroup var options: CatalogueOptions

    @Option(help: "How to print findings: text, json or github (workflow annotations).")
    var format: DiagnosticReport.Format = .text

    func run() throws {
        let location = try options.location()
        let checked = try readable(options.pipeline(location).check)
        print(checked.report.rendered(as: format, pathPrefix: options.pathFromCurrentFolder(location), colors: .forStandardOutput),
              terminator: "")
        finish(checked.hasErrors ? 1 : 0, keeping: checked)
    }
}


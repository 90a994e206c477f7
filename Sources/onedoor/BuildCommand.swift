import ArgumentParser
import Foundation
import OneDoorKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check a catalogue, then build its portal, catalogue.json and catalogue.schema.json.",
        discussion: "Nothing is written when the catalogue has errors, and a failed build leaves the previous output as it was.")

    @OptionGroup var options: CatalogueOptions

    @Option(name: .shortAndLong, help: "The folder to write the portal into (default: site, beside a folder named catalogue).",
            completion: .directory)
    var output: String?

    @Option(help: "A folder of templates that replace the built-in ones of the same name.", completion: .directory)
    var templates: String?

    func run() throws {
        let started = Date()
        let location = try options.location()
        let outputFolder = output.map { URL(fileURLWithPath: $0) }
            ?? (options.folder == nil ? location.output : URL(fileURLWithPath: "site"))
        let shownOutput = output ?? relativePath(of: outputFolder, from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let writer = SiteWriter(output: outputFolder, catalogueFolder: location.folder)
        do {
            try writer.validate()
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let pipeline = options.pipeline(location, templates: templates)
        let built = try readable { () throws(LoadError) in try pipeline.build(writingTo: writer) }
        if !built.checked.findings.isEmpty {
            print(built.checked.report.rendered(as: .text, colors: .forStandardOutput), terminator: "")
        }
        switch built.result {
        case .failure(.catalogueHasErrors):
            printError("error: the catalogue has errors; nothing was written")
            throw ExitCode(1)
        case let .failure(.templates(error)):
            printError("\(error)")
            throw ExitCode(1)
        case let .failure(.write(error)):
            printError("error: \(error)")
            throw ExitCode(2)
        case let .success(written):
            let pages = written.count { $0.hasSuffix(".html") }
            let seconds = Date().timeIntervalSince(started)
            print("Built \(pages) pages for \(built.checked.catalogue.services.count) services into \(shownOutput)/ in \(String(format: "%.2f", seconds)) s")
            finish(0, keeping: built)
        }
    }
}

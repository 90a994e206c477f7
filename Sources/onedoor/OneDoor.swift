import ArgumentParser
import Foundation

@main
struct OneDoor: AsyncParsableCommand {
    /// The version `--version` prints, and `make dist` names its archive after.
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "onedoor",
        abstract: "OneDoor \(version): turns a folder of service definitions into a service catalogue portal.",
        version: version,
        subcommands: [CheckCommand.self, BuildCommand.self, ServeCommand.self, DiffCommand.self, ReviewCommand.self, ReportCommand.self, ImpactCommand.self, NewCommand.self,
                      InitCommand.self, SchemaCommand.self])

    /// Runs the command, with the format's exit codes: a wrong command line exits 2, not
    /// swift-argument-parser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

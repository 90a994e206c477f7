import ArgumentParser
import Dispatch
import Foundation
import OneDoorKit

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the portal on 127.0.0.1, rebuilding and reloading open pages on every change.",
        discussion: "A change that breaks the catalogue is shown here and over the page, and the last good portal stays on show. Ctrl-C stops.")

    @Argument(help: "The catalogue folder (default: the nearest catalogue from here up, else ./catalogue).", completion: .directory)
    var folder: String?

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: UInt16 = 8000

    @Option(help: "A folder of templates that replace the built-in ones of the same name.", completion: .directory)
    var templates: String?

    func run() async throws {
        let catalogue = try locateCatalogue(folder).folder
        let templatesFolder = templates.map { URL(fileURLWithPath: $0) }
        guard FileManager.default.fileExists(atPath: catalogue.path) else {
            printError("error: no catalogue folder at '\(folder ?? "catalogue")'")
            throw ExitCode(2)
        }
        let server = try PreviewServer(port: port)
        let pipeline = Pipeline(atBuildTime: catalogue,
                                templateOverrides: templatesFolder)
        var session = IncrementalBuild()
        let watcher = SourceWatcher(folders: [catalogue] + (templatesFolder.map { [$0] } ?? []))
        let sources = watcher.fingerprint()
        server.publish(Self.report(session.build(pipeline, fingerprint: sources, root: catalogue.standardizedFileURL.path + "/"), took: nil))

        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT)
        interrupt.setEventHandler { Task { await server.stop() } }
        interrupt.resume()

        // Ctrl-C stops the server; the watcher's sleep then ends with a cancellation, which is the way out.
        do {
            try await serve(server, watcher: watcher, pipeline: pipeline, catalogue: catalogue, session: session, built: sources)
        } catch is CancellationError {
        } catch let error as ListenError {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        interrupt.cancel()
        say("Stopped.")
    }

    /// Serves, and builds again whenever the sources differ from those last built (`built` at first).
    private func serve(_ server: PreviewServer, watcher: SourceWatcher, pipeline: Pipeline, catalogue: URL, session: IncrementalBuild,
                       built: [String: String]) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Side by side, so that a server that cannot listen ends both at once.
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                say("Serving \(relativePath(of: catalogue, from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))) at http://127.0.0.1:\(await server.port ?? port)/ — press Ctrl-C to stop")
                var session = session
                var seen = built
                while true {
                    let now = try await watcher.change(from: seen)
                    seen = now
                    let started = ContinuousClock.now
                    // Each build at its own time, so that notices start and end while serve runs.
                    let pipeline = Pipeline(atBuildTime: catalogue, templateOverrides: pipeline.templateOverrides)
                    let outcome = session.build(pipeline, fingerprint: now, root: catalogue.standardizedFileURL.path + "/")
                    server.publish(Self.report(outcome, took: ContinuousClock.now - started))
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Says in the terminal what a build gave, and passes it on.
    private static func report(_ outcome: IncrementalBuild.Outcome, took: Swift.Duration?) -> Result<[String: OutputFile], BuildFailure> {
        let time = took.map { " in \($0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000) ms" } ?? ""
        switch outcome.result {
        case let .success(files):
            if outcome.wasIncremental {
                say("Rebuilt \(outcome.renderedCount) of \(files.count) files\(time)")
            } else {
                say("Built \(files.count) files\(time)")
            }
        case let .failure(failure):
            say(failure.messages.joined(separator: "\n"))
            say("The catalogue has errors\(time); still showing the last good build")
        }
        return outcome.result
    }
}

/// A line on standard output at once, unbuffered, so that a terminal or a test reading a pipe sees it.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

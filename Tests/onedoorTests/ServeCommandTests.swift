import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite struct ServeCommandTests {
    @Test func servesRebuildsOnAChangeAndKeepsTheLastGoodBuild() async throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let (process, output) = try serve(root)
        defer { if process.isRunning { process.terminate() } }

        let base = try #require(try await serverAddress(of: process, from: output.fileHandleForReading))
        let first = try await get(base + "services/email.html")
        #expect(first.contains("<h1>Email</h1>"))
        #expect(first.contains("/_onedoor/status"))

        // An edit is served within moments, and matches a full build of the same sources.
        let email = root.appendingPathComponent("catalogue/services/communications-and-collaboration/email.md")
        let original = try String(contentsOf: email, encoding: .utf8)
        try original.edited("name: Email", to: "name: Electronic Mail").write(to: email, atomically: true, encoding: .utf8)
        let edited = try await eventually { try await get(base + "services/email.html") } until: { $0.contains("<h1>Electronic Mail</h1>") }
        #expect(try runOneDoor(["build", "catalogue", "--output", "full"], in: root, environment: fixedDay).status == 0)
        let full = try String(contentsOf: root.appendingPathComponent("full/services/email.html"), encoding: .utf8)
        #expect(edited.replacingOccurrences(of: reloadScript(in: edited), with: "") == full)
        var renamedInSearch = false
        for chunk in 0..<3 where try await get(base + "search/docs-\(chunk).js").contains("Electronic Mail") { renamedInSearch = true }
        #expect(renamedInSearch)

        // A broken change is reported, and the last good portal stays on show.
        try Data("- id: [broken\n".utf8).write(to: root.appendingPathComponent("catalogue/teams.yaml"))
        let status = try await eventually { try await get(base + "_onedoor/status") } until: { $0.contains("YAML syntax error") }
        #expect(status.contains("teams.yaml:2:1: error"))
        #expect(try await get(base + "services/email.html").contains("<h1>Electronic Mail</h1>"))

        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func aPortInUseIsSaidPlainly() async throws {
        let root = try scratchCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let (process, output) = try serve(root)
        defer { if process.isRunning { process.terminate() } }
        let base = try #require(try await serverAddress(of: process, from: output.fileHandleForReading))
        let port = String(base.dropFirst("http://127.0.0.1:".count).dropLast())

        let second = try runOneDoor(["serve", "catalogue", "--port", port], in: root)
        #expect(second.status == 2)
        #expect(second.error.hasSuffix(
            "error: cannot listen on 127.0.0.1:\(port): address already in use; choose another port with --port, or --port 0 for a free one\n"))
    }

    /// `onedoor serve` on a free port, and its standard output.
    private func serve(_ root: URL) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = Bundle.main.bundleURL.appendingPathComponent("onedoor")
        process.arguments = ["serve", "catalogue", "--port", "0"]
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.merging(fixedDay) { $1 }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        return (process, output)
    }

    /// The address `serve` says it listens on; a server that says nothing within 30 s is stopped, which
    /// ends the read that waits on it. (A server that has said it runs until the test stops it: a busy
    /// machine may take longer than that over the whole test.)
    private func serverAddress(of process: Process, from handle: FileHandle) async throws -> String? {
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        // Only the wait for the address is limited: the stop is called off once the server has said it.
        let stop = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: stop)
        while Date() < deadline {
            let data = handle.availableData
            if data.isEmpty { try await Task.sleep(for: .milliseconds(50)); continue }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) {
                stop.cancel()
                return String(text[range])
            }
        }
        return nil
    }

    private func get(_ address: String) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: URL(string: address)!)
        return String(decoding: data, as: UTF8.self)
    }

    private func eventually(_ fetch: () async throws -> String, until done: (String) -> Bool) async throws -> String {
        var last = ""
        for _ in 0..<100 {
            last = try await fetch()
            if done(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        return last
    }

    private func reloadScript(in page: String) -> String {
        guard let start = page.range(of: "<script>\n/* onedoor serve"), let end = page.range(of: "</script>\n", range: start.upperBound..<page.endIndex)
        else { return "" }
        return String(page[start.lowerBound..<end.upperBound])
    }
}

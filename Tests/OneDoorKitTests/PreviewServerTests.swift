import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import OneDoorKit
import Testing

@Suite struct PreviewServerTests {
    /// A server on a free port, serving one page, stopped after `body`.
    private func withServer(_ body: (PreviewServer, String) async throws -> Void) async throws {
        let server = try PreviewServer(port: 0)
        server.publish(.success(["index.html": OutputFile(path: "index.html", text: "<html><body>Home</body></html>")]))
        let running = Task { try await server.run() }
        try await server.waitUntilListening()
        let port = try #require(await server.port)
        try await body(server, "http://127.0.0.1:\(port)/")
        await server.stop()
        _ = try? await running.value
    }

    private func get(_ address: String) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: URL(string: address)!)
        return String(decoding: data, as: UTF8.self)
    }

    @Test func pagesCarryTheScriptThatReloadsThem() async throws {
        try await withServer { _, base in
            let page = try await get(base)
            #expect(page.contains("Home"))
            #expect(page.contains("/_onedoor/status"))
            #expect(page.hasSuffix("</script>\n</body></html>"))
            #expect(try await get(base + "missing.html").hasPrefix("Not found"))
        }
    }

    @Test func askedSinceTheVersionItHasAPageHearsOfTheNextBuildWhenItIsReady() async throws {
        try await withServer { server, base in
            #expect(try await get(base + "_onedoor/status") == #"{"version":1,"errors":[]}"#)
            async let answer = get(base + "_onedoor/status?since=1")
            try await Task.sleep(for: .milliseconds(200))
            server.publish(.failure(BuildFailure(messages: ["teams.yaml:2:1: error: YAML syntax error"])))
            #expect(try await answer == #"{"version":2,"errors":["teams.yaml:2:1: error: YAML syntax error"]}"#)
            // Asked since an older version, it answers at once; with nothing new, it answers with the same version.
            #expect(try await get(base + "_onedoor/status?since=1").contains(#""version":2"#))
            #expect(try await get(base + "_onedoor/status?since=2").contains(#""version":2"#))
        }
    }
}

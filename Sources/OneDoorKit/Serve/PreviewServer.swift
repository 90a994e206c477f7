internal import Foundation
internal import FlyingFox
internal import FlyingSocks
internal import Synchronization

/// Why the preview cannot be served.
public struct ListenError: Error, CustomStringConvertible {
    public let port: UInt16
    public let reason: String

    public var description: String {
        "cannot listen on 127.0.0.1:\(port): \(reason); choose another port with --port, or --port 0 for a free one"
    }
}

/// Serves the last good build from memory on 127.0.0.1, with a small script in each page that reloads
/// it when a new build is ready and shows the findings over the page when a change breaks the catalogue.
public final class PreviewServer: Sendable {
    /// The paths the preview's own script asks.
    static let statusPath = "/_onedoor/status"

    private struct State {
        var files: [String: OutputFile] = [:]
        var version = 0
        var failure: BuildFailure?
        var stopping = false
    }

    private let state = Mutex(State())
    private let server: HTTPServer
    private let requestedPort: UInt16

    public init(port: UInt16) throws {
        server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
        requestedPort = port
    }

    /// Puts a new build on show: its files when it succeeded, else its findings over the last good files.
    public func publish(_ result: Result<[String: OutputFile], BuildFailure>) {
        state.withLock { state in
            switch result {
            case let .success(files):
                state.files = files
                state.failure = nil
            case let .failure(failure):
                state.failure = failure
            }
            state.version += 1
        }
    }

    /// The port the server listens on, once it does.
    public var port: UInt16? {
        get async {
            guard case let .ip4(_, port: port)? = await server.listeningAddress else { return nil }
            return port
        }
    }

    /// Serves until `stop()`. The socket closing under a stop is the end, not an error; a port that
    /// cannot be listened on (one in use) is a `ListenError`.
    public func run() async throws {
        let handler = PreviewHandler(server: self)
        await server.appendRoute("GET *", to: handler)
        do {
            try await server.run()
        } catch where state.withLock({ $0.stopping }) {
        } catch let SocketError.failed(type, _, message) where ["bind", "listen"].contains(type.lowercased()) {
            throw ListenError(port: requestedPort, reason: message.lowercased())
        }
    }

    public func waitUntilListening() async throws {
        try await server.waitUntilListening()
    }

    public func stop() async {
        state.withLock { $0.stopping = true }
        await server.stop(timeout: 1)
    }

    /// The build's version and findings. Asked `since` the version a page has, the answer waits until
    /// there is another one, or a second has passed, so that a page hears of a build the moment it is
    /// ready without asking over and over. (Only a second: a browser keeps a few connections to a
    /// server, and each open page holds one while it waits.)
    fileprivate func status(since seen: Int?) async -> HTTPResponse {
        let deadline = ContinuousClock.now + .seconds(1)
        while let seen, state.withLock({ $0.version == seen && !$0.stopping }), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        let (version, failure) = state.withLock { ($0.version, $0.failure) }
        let status = JSONValue.fields([
            ("version", .int(version)),
            ("errors", .array((failure?.messages ?? []).map(JSONValue.string))),
        ])
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                            body: Data(status.bytes(pretty: false)))
    }

    fileprivate func response(for path: String) -> HTTPResponse {
        let files = state.withLock { $0.files }
        var key = path.removingPercentEncoding ?? path
        key = String(key.drop { $0 == "/" })
        if key.isEmpty || key.hasSuffix("/") { key += "index.html" }
        guard !key.split(separator: "/").contains(".."), let file = files[key] else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("Not found: \(path)\n".utf8))
        }
        var bytes = file.bytes
        if key.hasSuffix(".html") { bytes = Self.withReloadScript(bytes) }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: Self.contentType(of: key), .cacheControl: "no-store"],
                            body: Data(bytes))
    }

    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        default: "application/octet-stream"
        }
    }

    /// The page with the preview's script before `</body>`.
    static func withReloadScript(_ html: [UInt8]) -> [UInt8] {
        let marker = Array("</body>".utf8)
        let script = Array(reloadScript.utf8)
        guard let at = html.lastRange(of: marker) else { return html + script }
        return Array(html[..<at.lowerBound]) + script + Array(html[at.lowerBound...])
    }

    static let reloadScript = """
        <script>
        /* onedoor serve: reload when a new build is ready; show the findings while the catalogue is broken. */
        (function () {
          var seen = null;
          function overlay(errors) {
            var box = document.getElementById("onedoor-findings");
            if (!errors.length) { if (box) box.remove(); return; }
            if (!box) {
              box = document.createElement("div");
              box.id = "onedoor-findings";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;background:#fff3f3;color:#5a0000;" +
                "border-top:4px solid #b00020;padding:1rem;font:14px/1.4 monospace;z-index:9999;white-space:pre-wrap";
              document.body.appendChild(box);
            }
            box.textContent = "The catalogue has errors; this page shows the last good build.\\n\\n" + errors.join("\\n");
          }
          function poll() {
            var since = seen === null ? "" : "?since=" + seen;
            fetch("\(statusPath)" + since, { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (status) {
              if (seen !== null && status.version !== seen && !status.errors.length) { location.reload(); return; }
              seen = status.version;
              overlay(status.errors);
              poll();
            }).catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();
        </script>

        """
}

private struct PreviewHandler: HTTPHandler {
    let server: PreviewServer

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.path == PreviewServer.statusPath else { return server.response(for: request.path) }
        return await server.status(since: request.query["since"].flatMap { Int($0) })
    }
}

extension Array where Element == UInt8 {
    fileprivate func lastRange(of pattern: [UInt8]) -> Range<Int>? {
        guard count >= pattern.count else { return nil }
        for start in stride(from: count - pattern.count, through: 0, by: -1) where self[start..<(start + pattern.count)].elementsEqual(pattern) {
            return start..<(start + pattern.count)
        }
        return nil
    }
}

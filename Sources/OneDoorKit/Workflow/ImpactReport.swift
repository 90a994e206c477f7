/// `onedoor impact SERVICE`: every service that depends on one, directly or through others, with
/// the path, for whoever plans a change to it.
public struct ImpactReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    /// Why there is no report.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public let service: Service
    /// Nearest first, then by id.
    public let impacts: [DependencyGraph.Impact]
    private let names: [String: String]

    public init(catalogue: Catalogue, service id: String) throws(Failure) {
        guard let service = catalogue.services.first(where: { $0.id == id }) else {
            throw Failure(description: "there is no service '\(id)'"
                + Suggestion.hint(for: id, among: catalogue.services.map(\.id)) + "; give the id of a file in services/")
        }
        self.service = service
        impacts = DependencyGraph(catalogue).dependents(of: id)
        names = Dictionary(catalogue.services.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    public func rendered(as format: Format) -> String {
        switch format {
        case .text: text
        case .json: json.serialized(pretty: true) + "\n"
        }
    }

    private var text: String {
        guard !impacts.isEmpty else { return "No service depends on \(service.name) (\(service.id)).\n" }
        let direct = impacts.count { $0.path.count == 2 }
        var lines = ["\(impacts.count) service\(impacts.count == 1 ? "" : "s") depend\(impacts.count == 1 ? "s" : "") on \(service.name) (\(service.id)), "
            + "\(direct) directly:"]
        for impact in impacts {
            let through = impact.path.dropFirst().dropLast().map { names[$0] ?? $0 }
            lines.append("  \(names[impact.service] ?? impact.service) (\(impact.service))"
                + (through.isEmpty ? "" : ": through \(through.joined(separator: " → "))"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var json: JSONValue {
        .object([
            ("service", .string(service.id)), ("name", .string(service.name)),
            ("dependents", .array(impacts.map { impact in
                .object([
                    ("id", .string(impact.service)), ("name", .string(names[impact.service] ?? impact.service)),
                    ("depth", .int(impact.path.count - 1)), ("path", .array(impact.path.map(JSONValue.string))),
                ])
            })),
        ])
    }
}

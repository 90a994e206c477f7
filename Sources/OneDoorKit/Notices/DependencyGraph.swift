/// How services depend on each other, both ways, for impact: who is hit when one fails.
public struct DependencyGraph: Sendable {
    /// The services each service depends on, by id.
    public let dependencies: [String: [String]]
    /// The services that depend on each service, by id, in id order.
    public let dependents: [String: [String]]

    public init(_ catalogue: Catalogue) {
        var dependencies: [String: [String]] = [:], dependents: [String: [String]] = [:]
        for service in catalogue.services {
            dependencies[service.id] = service.dependsOn.map(\.value)
            for dependency in service.dependsOn { dependents[dependency.value, default: []].append(service.id) }
        }
        self.dependencies = dependencies
        self.dependents = dependents.mapValues { Array(Set($0)).sorted() }
    }

    /// A service that depends on another, and how: the path from it to that other, both included.
    public struct Impact: Sendable, Equatable {
        public let service: String
        public let path: [String]
    }

    /// Every service that depends on `service`, directly or through others, nearest first (then by
    /// id), each with a shortest path. Loops (which the checker refuses) end the walk.
    public func dependents(of service: String) -> [Impact] {
        walk(from: service, along: dependents)
    }

    private func walk(from start: String, along edges: [String: [String]]) -> [Impact] {
        var paths: [String: [String]] = [start: [start]]
        var found: [Impact] = []
        var layer = [start]
        while !layer.isEmpty {
            var next: [String] = []
            for service in layer {
                for neighbour in (edges[service] ?? []).sorted() where paths[neighbour] == nil {
                    // The path reads from the neighbour to the start.
                    let path = [neighbour] + paths[service]!
                    paths[neighbour] = path
                    next.append(neighbour)
                }
            }
            next.sort()
            found += next.map { Impact(service: $0, path: paths[$0]!) }
            layer = next
        }
        return found
    }

    /// The services within `levels` steps of `service`, one way or the other (each step following
    /// one direction), itself excluded.
    public func neighbourhood(of service: String, levels: Int) -> Set<String> {
        var found: Set<String> = []
        for edges in [dependencies, dependents] {
            var layer = [service]
            for _ in 0..<levels {
                layer = layer.flatMap { edges[$0] ?? [] }
                found.formUnion(layer)
            }
        }
        found.remove(service)
        return found
    }
}

/// No service depends on itself through `depends_on`, and no category is its own ancestor.
enum CycleRules {
    static func check(_ catalogue: Catalogue, index: CatalogueIndex) -> [Diagnostic] {
        let serviceEdges = catalogue.services.map { service in
            (id: service.id, edges: service.dependsOn.filter { index.serviceIDs.contains($0.value) })
        }
        let categoryEdges = catalogue.categories.map { category in
            (id: category.id, edges: [category.parent].compactMap { $0 }.filter { index.categoryIDs.contains($0.value) })
        }
        return cycles(serviceEdges).map { cycle in
            Diagnostic.error(.dependencyCycle, at: cycle.closing.location,
                "services depend on each other in a loop: \(cycle.path.joined(separator: " → ")); remove one of these dependencies")
        } + cycles(categoryEdges).map { cycle in
            Diagnostic.error(.categoryCycle, at: cycle.closing.location,
                "categories are each other's parents in a loop: \(cycle.path.joined(separator: " → ")); change one 'parent'")
        }
    }

    /// Each cycle once, as the ids around the loop (first id repeated at the end), with the
    /// reference that closes it. Iterative depth-first search, so deep chains cannot overflow the stack.
    ///
    /// - Complexity: O(*V* + *E*).
    static func cycles(_ nodes: [(id: String, edges: [Reference])]) -> [(path: [String], closing: Reference)] {
        // Positions instead of ids: the walk then needs no hashing.
        let position = Dictionary(nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let edges = nodes.map { node in node.edges.compactMap { edge in position[edge.value].map { (to: $0, reference: edge) } } }
        var state = [UInt8](repeating: 0, count: nodes.count)  // 0: not seen; 1: on the current path; 2: done
        var found: [(path: [String], closing: Reference)] = []
        for start in nodes.indices where state[start] == 0 && position[nodes[start].id] == start {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let outgoing = edges[top.node]
                guard top.next < outgoing.count else {
                    state[top.node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let edge = outgoing[top.next]
                switch state[edge.to] {
                case 0:
                    state[edge.to] = 1
                    stack.append((edge.to, 0))
                case 1:
                    let loop = stack.drop { $0.node != edge.to }.map { nodes[$0.node].id }
                    found.append((loop + [nodes[edge.to].id], edge.reference))
                default:
                    break
                }
            }
        }
        return found
    }
}

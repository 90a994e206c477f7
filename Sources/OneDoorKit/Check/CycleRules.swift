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
        let edges = Dictionary(nodes.map { ($0.id, $0.edges) }, uniquingKeysWith: { first, _ in first })
        var state: [String: Bool] = [:]  // false: on the current path; true: done
        var found: [(path: [String], closing: Reference)] = []
        for start in nodes.map(\.id) where state[start] == nil {
            var stack: [(id: String, next: Int)] = [(start, 0)]
            state[start] = false
            while let top = stack.last {
                let outgoing = edges[top.id] ?? []
                guard top.next < outgoing.count else {
                    state[top.id] = true
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let edge = outgoing[top.next]
                switch state[edge.value] {
                case nil:
                    state[edge.value] = false
                    stack.append((edge.value, 0))
                case false?:
                    let loop = stack.drop { $0.id != edge.value }.map(\.id)
                    found.append((loop + [edge.value], edge))
                case true?:
                    break
                }
            }
        }
        return found
    }
}

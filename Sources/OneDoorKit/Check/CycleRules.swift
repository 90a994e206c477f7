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

    /// The most ids a loop is shown with: the first and last few of a longer one, so that loops through
    /// thousands of services do not make findings whose total size grows with the square of the catalogue.
    static let shownLoopLength = 12

    /// Each cycle once, as the ids around the loop (first id repeated at the end; a long loop's middle
    /// told as "… N more …"), with the reference that closes it. Iterative depth-first search, so deep
    /// chains cannot overflow the stack.
    ///
    /// - Complexity: O(*V* + *E*).
    static func cycles(_ nodes: [(id: String, edges: [Reference])]) -> [(path: [String], closing: Reference)] {
        // Positions instead of ids: the walk then needs no hashing.
        let position = Dictionary(nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let edges = nodes.map { node in node.edges.compactMap { edge in position[edge.value].map { (to: $0, reference: edge) } } }
        // Where each node is on the current path, or -1 when it is not on it.
        var onPath = [Int](repeating: -1, count: nodes.count)
        var done = [Bool](repeating: false, count: nodes.count)
        var found: [(path: [String], closing: Reference)] = []
        for start in nodes.indices where !done[start] && position[nodes[start].id] == start {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            onPath[start] = 0
            while let top = stack.last {
                let outgoing = edges[top.node]
                guard top.next < outgoing.count else {
                    (onPath[top.node], done[top.node]) = (-1, true)
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let edge = outgoing[top.next]
                if onPath[edge.to] >= 0 {
                    // The loop is the path from the node the edge leads back to, then that node again.
                    let loop = stack[onPath[edge.to]...]
                    let ids = { (part: ArraySlice<(node: Int, next: Int)>) in part.map { nodes[$0.node].id } }
                    let path = loop.count <= shownLoopLength
                        ? ids(loop)
                        : ids(loop.prefix(shownLoopLength / 2)) + ["… \(loop.count + 1 - shownLoopLength) more …"]
                            + ids(loop.suffix(shownLoopLength / 2 - 1))
                    found.append((path + [nodes[edge.to].id], edge.reference))
                } else if !done[edge.to] {
                    onPath[edge.to] = stack.count
                    stack.append((edge.to, 0))
                }
            }
        }
        return found
    }
}

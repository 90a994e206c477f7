/// Categories nest at most `maxDepth` levels deep. Each category's page shows the trail of its
/// ancestors, so a chain of thousands of categories would make a portal that grows with the square of
/// the catalogue.
enum NestingRules {
    static let maxDepth = 10

    /// One finding for each category that starts a branch nested too deep.
    static func check(_ catalogue: Catalogue) -> [Diagnostic] {
        let position = Dictionary(catalogue.categories.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let parents = catalogue.categories.map { $0.parent.flatMap { position[$0.value] } }
        // 0 while unknown; a category in a loop or leading to one (CycleRules reports the loop) counts as 1.
        var depths = [Int](repeating: 0, count: parents.count)
        for start in parents.indices where depths[start] == 0 {
            var path: [Int] = []
            var onPath = Set<Int>()
            var next: Int? = start
            while let current = next, depths[current] == 0, onPath.insert(current).inserted {
                path.append(current)
                next = parents[current]
            }
            if let next, depths[next] == 0 {  // the path runs into itself: a loop
                for category in path { depths[category] = 1 }
                continue
            }
            var depth = next.map { depths[$0] } ?? 0
            for category in path.reversed() {
                depth += 1
                depths[category] = depth
            }
        }
        return catalogue.categories.indices.filter { depths[$0] == maxDepth + 1 }.map { at in
            let category = catalogue.categories[at]
            return .error(.limit, at: category.parent?.location ?? category.location,
                "category '\(category.id)' is nested \(maxDepth + 1) levels deep, and at most \(maxDepth) are allowed; give it a parent higher up")
        }
    }
}

/// "Did you mean" hints: the known name closest to a misspelt one.
enum Suggestion {
    /// The candidate nearest to `word` by edit distance (a swap of two letters counts as one edit),
    /// when it is near enough to be a likely typo; ties go to the first candidate in sorted order.
    ///
    /// - Complexity: O(*n* × *m*²) for *n* candidates of length about *m*.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        let limit = target.count <= 4 ? 1 : target.count <= 9 ? 2 : 3
        var best: (distance: Int, name: String)?
        for candidate in candidates {
            let letters = Array(candidate.lowercased())
            guard abs(letters.count - target.count) <= limit else { continue }
            let distance = editDistance(target, letters)
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.name) {
                best = (distance, candidate)
            }
        }
        return best?.name
    }

    /// The text `" (did you mean 'x'?)"`, or nothing when no candidate is close.
    static func hint(for word: String, among candidates: some Sequence<String>) -> String {
        hint(closest(to: word, among: candidates))
    }

    /// The text `" (did you mean 'x'?)"` for a close candidate, or nothing.
    static func hint(_ closest: String?) -> String {
        closest.map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Optimal string alignment distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

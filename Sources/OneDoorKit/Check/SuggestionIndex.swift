internal import Synchronization

/// "Did you mean" hints among the ids of one kind, for a check that may have to give many: each word is
/// answered once, and among many ids through the ids' deletions (the id with a letter or two left out)
/// rather than a look at every id, so that a catalogue of 100,000 services with as many broken
/// references is still checked in linear time.
final class SuggestionIndex: Sendable {
    /// Up to this many ids, a word is compared with each (and may be up to three letters off).
    static let scanLimit = 100
    /// Up to this many ids, those two typos away are found (a typo: a letter wrong, missing, extra, or two
    /// swapped); beyond it, filing each id under every two-letter deletion would take too much memory,
    /// and only those one typo away are.
    static let twoTypoLimit = 2_000

    private let ids: [String]
    private let state = Mutex<(deletions: [String: [Int32]]?, answers: [String: String?])>((nil, [:]))

    init(_ ids: [String]) {
        self.ids = ids
    }

    /// The id nearest to `word`, as `Suggestion.closest` would choose among the ids found.
    func closest(to word: String) -> String? {
        if let known = state.withLock({ $0.answers[word] }) { return known }
        let answer = ids.count <= Self.scanLimit
            ? Suggestion.closest(to: word, among: ids)
            : Suggestion.closest(to: word, among: nearby(word))
        state.withLock { $0.answers[word] = answer }
        return answer
    }

    /// How many letters the deletions leave out.
    private var depth: Int { ids.count <= Self.twoTypoLimit ? 2 : 1 }

    /// The ids that share the word itself or one of its deletions with one of theirs: every id `depth`
    /// typos away, and a few more.
    private func nearby(_ word: String) -> [String] {
        let deletions = state.withLock { state in
            if state.deletions == nil { state.deletions = Self.deletions(of: ids, depth: depth) }
            return state.deletions!
        }
        var found = Set<Int32>()
        for key in Self.keys(Array(word.lowercased()), depth: depth) { found.formUnion(deletions[key] ?? []) }
        return found.map { ids[Int($0)] }
    }

    private static func deletions(of ids: [String], depth: Int) -> [String: [Int32]] {
        var deletions: [String: [Int32]] = [:]
        for (position, id) in ids.enumerated() {
            for key in keys(Array(id.lowercased()), depth: depth) { deletions[key, default: []].append(Int32(position)) }
        }
        return deletions
    }

    /// The letters as they are, and with up to `depth` of them left out.
    private static func keys(_ letters: [Character], depth: Int) -> Set<String> {
        var keys: Set<String> = [String(letters)]
        var last: Set<[Character]> = [letters]
        for _ in 0..<depth {
            last = Set(last.flatMap { word in word.indices.map { Array(word[..<$0] + word[($0 + 1)...]) } })
            keys.formUnion(last.map { String($0) })
        }
        return keys
    }
}

internal import Synchronization

/// "Did you mean" hints among the ids of one kind, for a check that may have to give many: each word is
/// answered once, and among many ids through the ids' one-letter deletions rather than a look at every
/// id, so that a catalogue of 100,000 services with as many broken references is still checked in
/// linear time.
final class SuggestionIndex: Sendable {
    /// Up to this many ids, a word is compared with each (and may be up to three letters off);
    /// beyond it, only ids one typo away are found: a letter wrong, missing, extra or two swapped.
    static let scanLimit = 100

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
            : Suggestion.closest(to: word, among: oneTypoAway(from: word))
        state.withLock { $0.answers[word] = answer }
        return answer
    }

    /// The ids that share the word itself or one of its one-letter deletions with one of theirs: every
    /// id one typo away, and a few more.
    private func oneTypoAway(from word: String) -> [String] {
        let deletions = state.withLock { state in
            if state.deletions == nil { state.deletions = Self.deletions(of: ids) }
            return state.deletions!
        }
        var found = Set<Int32>()
        for key in Self.keys(Array(word.lowercased())) { found.formUnion(deletions[key] ?? []) }
        return found.map { ids[Int($0)] }
    }

    private static func deletions(of ids: [String]) -> [String: [Int32]] {
        var deletions: [String: [Int32]] = [:]
        for (position, id) in ids.enumerated() {
            for key in keys(Array(id.lowercased())) { deletions[key, default: []].append(Int32(position)) }
        }
        return deletions
    }

    /// The letters as they are, and with each one left out in turn.
    private static func keys(_ letters: [Character]) -> Set<String> {
        var keys: Set<String> = [String(letters)]
        for skipped in letters.indices {
            keys.insert(String(letters[..<skipped] + letters[(skipped + 1)...]))
        }
        return keys
    }
}

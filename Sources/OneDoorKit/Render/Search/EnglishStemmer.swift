/// Snowball's English stemmer (Porter2, as in Snowball 3), written from its published description at
/// snowballstem.org: `taxes` → `tax`, `licences` → `licenc`, `generously` → `generous`. The search
/// client has the same algorithm (`assets/stem.js`); both are held word for word to the reference
/// implementation (PyPI `snowballstemmer`) on every word of the Government of Canada's inventory.
struct EnglishStemmer: Sendable {
    /// The stem of a lower-case word (accents already folded).
    func stem(_ word: String) -> String {
        if let exception = Self.exceptions[word] { return exception }
        var s = Array(word.unicodeScalars)
        guard s.count >= 3 else { return word }
        if s.first == "'" { s.removeFirst() }
        // y as a consonant: first, or after a vowel.
        for i in s.indices where s[i] == "y" && (i == 0 || Self.isVowel(s[i - 1])) { s[i] = "Y" }
        var p1 = s.count, p2 = s.count
        let prefix = Self.r1Prefixes.first { s.starts(with: $0) }
        if let start = prefix.map({ $0.count }) ?? afterVowelRun(s, from: 0, isVowel: Self.isVowel) {
            p1 = start
            p2 = afterVowelRun(s, from: p1, isVowel: Self.isVowel) ?? s.count
        }
        step1a(&s)
        step1b(&s, p1: p1)
        // Step 1c: a final y after a non-vowel that is not the first letter becomes i.
        if s.count > 2, s.last == "y" || s.last == "Y", !Self.isVowel(s[s.count - 2]) { s[s.count - 1] = "i" }
        replace(&s, Self.step2, minimum: p1) { suffix, _, before in
            switch suffix {
            case "li": before.map(Self.validLIEnding.contains) ?? false
            case "ogi": before == "l"
            default: true
            }
        }
        replace(&s, Self.step3, minimum: p1) { suffix, start, _ in suffix != "ative" || start >= p2 }
        replace(&s, Self.step4, minimum: p2) { suffix, _, before in suffix != "ion" || before == "s" || before == "t" }
        // Step 5
        let last = s.count - 1
        if s.last == "e", last >= p2 || (last >= p1 && !Self.endsInShortSyllable(s[..<last])) {
            s.removeLast()
        } else if s.last == "l", last >= p2, s[last - 1] == "l" {
            s.removeLast()
        }
        var stem = String.UnicodeScalarView()
        stem.append(contentsOf: s.map { $0 == "Y" ? "y" : $0 })
        return String(stem)
    }

    private func step1a(_ s: inout [Unicode.Scalar]) {
        for apostrophe in ["'s'", "'s", "'"] where s.hasSuffix(apostrophe) {
            s.removeLast(apostrophe.unicodeScalars.count)
            break
        }
        guard let suffix = Self.step1aSuffixes.first(where: { s.hasSuffix($0) }) else { return }
        let start = s.count - suffix.unicodeScalars.count
        switch suffix {
        case "sses": s.removeLast(2)
        case "ied", "ies": s.replaceSubrange(start..., with: (start >= 2 ? "i" : "ie").unicodeScalars)
        case "s" where start > 0 && s[..<(start - 1)].contains(where: Self.isVowel): s.removeLast()
        default: break
        }
    }

    private func step1b(_ s: inout [Unicode.Scalar], p1: Int) {
        guard let suffix = Self.step1bSuffixes.first(where: { s.hasSuffix($0) }) else { return }
        let start = s.count - suffix.unicodeScalars.count
        switch suffix {
        case "eed", "eedly":
            if start >= p1, !["succ", "proc", "exc"].contains(where: { s[..<start].elementsEqual($0.unicodeScalars) }) {
                s.replaceSubrange(start..., with: "ee".unicodeScalars)
            }
            return
        case "ing":
            let before = Self.beforeING.first { s[..<start].hasSuffix($0) }
            if before == "y" {
                // dying, lying, tying
                if start == 2, !Self.isVowel(s[0]) {
                    s.replaceSubrange(1..., with: "ie".unicodeScalars)
                    return
                }
            } else if let before, start == before.unicodeScalars.count {
                return
            }
        default: break
        }
        guard s[..<start].contains(where: Self.isVowel) else { return }
        s.removeSubrange(start...)
        if s.hasSuffix("at") || s.hasSuffix("bl") || s.hasSuffix("iz") {
            s.append("e")
        } else if s.count >= 2, s[s.count - 1] == s[s.count - 2], Self.doubles.contains(s[s.count - 1]) {
            if !(s.count == 3 && ["a", "e", "o"].contains(s[0])) { s.removeLast() }
        } else if s.count == p1, Self.endsInShortSyllable(s[...]) {
            s.append("e")
        }
    }

    /// Replaces the longest of `rules`' suffixes that `s` ends with, when it starts at `minimum` or later
    /// and `condition` holds (given the suffix, where it starts and the letter before it); the longest
    /// suffix that does not meet them is left alone.
    private func replace(_ s: inout [Unicode.Scalar], _ rules: [(suffix: String, by: String)], minimum: Int,
                         where condition: (String, Int, Unicode.Scalar?) -> Bool) {
        guard let rule = rules.first(where: { s.hasSuffix($0.suffix) }) else { return }
        let start = s.count - rule.suffix.unicodeScalars.count
        guard start >= minimum, condition(rule.suffix, start, start > 0 ? s[start - 1] : nil) else { return }
        s.replaceSubrange(start..., with: rule.by.unicodeScalars)
    }

    private static func isVowel(_ c: Unicode.Scalar) -> Bool {
        c == "a" || c == "e" || c == "i" || c == "o" || c == "u" || c == "y"
    }

    /// A non-vowel other than w, x or Y after a vowel after a non-vowel; a vowel and a non-vowel that
    /// are the whole word; or "past".
    private static func endsInShortSyllable(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        let s = Array(s), n = s.count
        if n >= 3, !isVowel(s[n - 1]), !["w", "x", "Y"].contains(s[n - 1]), isVowel(s[n - 2]), !isVowel(s[n - 3]) { return true }
        if n == 2, isVowel(s[0]), !isVowel(s[1]) { return true }
        return s.hasSuffix("past")
    }

    private static let exceptions: [String: String] = [
        "skis": "ski", "skies": "sky", "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli",
        "only": "onli", "singly": "singl", "andes": "andes", "atlas": "atlas", "bias": "bias", "cosmos": "cosmos",
        "howe": "howe", "news": "news", "sky": "sky",
    ]
    private static let r1Prefixes = byLength(["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"])
        .map { Array($0.unicodeScalars) }
    private static let step1aSuffixes = byLength(["sses", "ied", "ies", "ss", "us", "s"])
    private static let step1bSuffixes = byLength(["eedly", "ingly", "edly", "eed", "ing", "ed"])
    private static let beforeING = byLength(["even", "cann", "inn", "earr", "herr", "out", "y"])
    private static let doubles: Set<Unicode.Scalar> = ["b", "d", "f", "g", "m", "n", "p", "r", "t"]
    private static let validLIEnding: Set<Unicode.Scalar> = ["c", "d", "e", "g", "h", "k", "m", "n", "r", "t"]
    private static let step2 = rules([
        "tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent", "izer": "ize", "ization": "ize",
        "ational": "ate", "ation": "ate", "ator": "ate", "alism": "al", "aliti": "al", "alli": "al", "fulness": "ful",
        "fulli": "ful", "ousli": "ous", "ousness": "ous", "iveness": "ive", "iviti": "ive", "biliti": "ble", "bli": "ble",
        "ogist": "og", "ogi": "og", "lessli": "less", "li": "",
    ])
    private static let step3 = rules([
        "tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic", "ical": "ic", "ful": "",
        "ness": "", "ative": "",
    ])
    private static let step4 = rules(Dictionary(uniqueKeysWithValues: [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
        "ive", "ize", "ion",
    ].map { ($0, "") }))

    private static func byLength(_ list: [String]) -> [String] {
        list.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
    }

    private static func rules(_ table: [String: String]) -> [(suffix: String, by: String)] {
        byLength(Array(table.keys)).map { ($0, table[$0]!) }
    }
}

/// The position after the first non-vowel that follows a vowel, from `from`; nil when there is none.
/// (Snowball's regions R1 and R2 start there.)
func afterVowelRun(_ s: [Unicode.Scalar], from: Int, isVowel: (Unicode.Scalar) -> Bool) -> Int? {
    var i = from
    while i < s.count, !isVowel(s[i]) { i += 1 }
    guard i < s.count else { return nil }
    i += 1
    while i < s.count, isVowel(s[i]) { i += 1 }
    return i < s.count ? i + 1 : nil
}

extension Collection where Element == Unicode.Scalar {
    func hasSuffix(_ suffix: String) -> Bool {
        let tail = suffix.unicodeScalars
        return count >= tail.count && self.suffix(tail.count).elementsEqual(tail)
    }
}

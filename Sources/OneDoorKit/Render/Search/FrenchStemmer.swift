/// Snowball's French stemmer (as in Snowball 3), written from its published description at
/// snowballstem.org: `services` → `servic`, `éducation` → `éduc`, `licences` → `licenc`. It reads
/// accents (é, è, ê…), so a word is stemmed in lower case before its accents are folded. The search
/// client has the same algorithm (`assets/stem.js`); both are held word for word to the reference
/// implementation (PyPI `snowballstemmer`) on every word of the Government of Canada's inventory.
struct FrenchStemmer: Sendable {
    /// The stem of a lower-case word, accents kept (precomposed).
    func stem(_ word: String) -> String {
        var s = Array(word.unicodeScalars)
        // Elisions: l'avion → avion.
        for elision in Self.elisions where s.starts(with: elision) && s.count > elision.count {
            s.removeFirst(elision.count)
            break
        }
        prelude(&s)
        let r = regions(s)
        var done = standardSuffix(&s, r)
        if !done { done = iVerbSuffix(&s, r) || verbSuffix(&s, r) }
        if done {
            if s.last == "Y" { s[s.count - 1] = "i" } else if s.last == "ç" { s[s.count - 1] = "c" }
        } else {
            residualSuffix(&s, r)
        }
        // Undouble: enn, onn, ett, ell, eill lose their last letter.
        if ["enn", "onn", "ett", "ell", "eill"].contains(where: s.hasSuffix) { s.removeLast() }
        // Unaccent: é or è before the non-vowels that end the word becomes e.
        var i = s.count
        while i > 0, !Self.isVowel(s[i - 1]) { i -= 1 }
        if i < s.count, i > 0, s[i - 1] == "é" || s[i - 1] == "è" { s[i - 1] = "e" }
        var stem = String.UnicodeScalarView()
        var k = 0
        while k < s.count {
            switch s[k] {
            case "H" where k + 1 < s.count && s[k + 1] == "e": stem.append("ë"); k += 1
            case "H" where k + 1 < s.count && s[k + 1] == "i": stem.append("ï"); k += 1
            case "H": break
            case "I": stem.append("i")
            case "U": stem.append("u")
            case "Y": stem.append("y")
            default: stem.append(s[k])
            }
            k += 1
        }
        return String(stem)
    }

    private struct Regions {
        var pV: Int, p1: Int, p2: Int
    }

    /// u, i between vowels and y beside a vowel are consonants (U, I, Y); ë and ï are He and Hi; qu is qU.
    private func prelude(_ s: inout [Unicode.Scalar]) {
        var i = 0
        func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
        while i < s.count {
            let c = s[i], next = at(i + 1), after = at(i + 2)
            if Self.isVowel(c), next == "u", after.map(Self.isVowel) == true { s[i + 1] = "U" }
            else if Self.isVowel(c), next == "i", after.map(Self.isVowel) == true { s[i + 1] = "I" }
            else if Self.isVowel(c), next == "y" { s[i + 1] = "Y" }
            else if c == "ë" { s.replaceSubrange(i...i, with: ["H", "e"]) }
            else if c == "ï" { s.replaceSubrange(i...i, with: ["H", "i"]) }
            else if c == "y", next.map(Self.isVowel) == true { s[i] = "Y" }
            else if c == "q", next == "u" { s[i + 1] = "U" }
            else { i += 1 }
        }
    }

    private func regions(_ s: [Unicode.Scalar]) -> Regions {
        let n = s.count
        var r = Regions(pV: n, p1: n, p2: n)
        if n > 2, Self.isVowel(s[0]), Self.isVowel(s[1]) {
            r.pV = 3
        } else if ["par", "col", "tap"].contains(where: { s.starts(with: $0.unicodeScalars) })
            || (s.starts(with: "ni".unicodeScalars) && n > 2 && Self.isVowel(s[2])) {
            r.pV = 3
        } else if let vowel = s.indices.dropFirst().first(where: { Self.isVowel(s[$0]) }) {
            r.pV = vowel + 1
        }
        if let p1 = afterVowelRun(s, from: 0, isVowel: Self.isVowel) {
            r.p1 = p1
            r.p2 = afterVowelRun(s, from: p1, isVowel: Self.isVowel) ?? n
        }
        return r
    }

    /// The standard suffixes; true when one was taken off. Some rules change the word yet count as not
    /// done, so that the verb suffixes are tried after them, as the algorithm says.
    private func standardSuffix(_ s: inout [Unicode.Scalar], _ r: Regions) -> Bool {
        guard let suffix = Self.standardSuffixes.first(where: { s.hasSuffix($0.suffix) }) else { return false }
        let start = s.count - suffix.suffix.unicodeScalars.count
        var stem = Array(s[..<start])
        func done(_ tail: String = "") -> Bool {
            s = stem + tail.unicodeScalars
            return true
        }
        switch suffix.rule {
        case 1: return start >= r.p2 && done()
        case 2:
            guard start >= r.p2 else { return false }
            if stem.hasSuffix("ic") {
                stem.removeLast(2)
                return done(start - 2 >= r.p2 ? "" : "iqU")
            }
            return done()
        case 3: return start >= r.p2 && done("log")
        case 4: return start >= r.p2 && done("u")
        case 5: return start >= r.p2 && done("ent")
        case 6:
            guard start >= r.pV else { return false }
            let inner = ["iqU", "abl", "Ièr", "ièr", "eus", "iv"].first(where: stem.hasSuffix) ?? ""
            let at = stem.count - inner.unicodeScalars.count
            switch inner {
            case "iv" where at >= r.p2:
                stem.removeSubrange(at...)
                if stem.hasSuffix("at"), at - 2 >= r.p2 { stem.removeLast(2) }
            case "eus" where at >= r.p2: stem.removeSubrange(at...)
            case "eus" where at >= r.p1: stem.replaceSubrange(at..., with: "eux".unicodeScalars)
            case "abl" where at >= r.p2, "iqU" where at >= r.p2: stem.removeSubrange(at...)
            case "Ièr" where at >= r.pV, "ièr" where at >= r.pV: stem.replaceSubrange(at..., with: ["i"])
            default: break
            }
            return done()
        case 7:
            guard start >= r.p2 else { return false }
            let tail = ["abil", "ic", "iv"].first(where: stem.hasSuffix) ?? ""
            let from = stem.count - tail.unicodeScalars.count
            switch tail {
            case "abil": stem.replaceSubrange(from..., with: (from >= r.p2 ? "" : "abl").unicodeScalars)
            case "ic": stem.replaceSubrange(from..., with: (from >= r.p2 ? "" : "iqU").unicodeScalars)
            case "iv" where from >= r.p2: stem.removeSubrange(from...)
            default: break
            }
            return done()
        case 8:
            guard start >= r.p2 else { return false }
            if stem.hasSuffix("at"), start - 2 >= r.p2 {
                stem.removeLast(2)
                if stem.hasSuffix("ic") {
                    stem.removeLast(2)
                    return done(start - 4 >= r.p2 ? "" : "iqU")
                }
            }
            return done()
        case 9: return done("eau")
        case 10: return start >= r.p1 && done("al")
        case 11: return start > 0 && ["b", "h", "j", "l", "n", "p"].contains(s[start - 1]) && done("ou")
        case 12: return start >= r.p2 ? done() : start >= r.p1 && done("eux")
        case 13: return start >= r.p1 && start > 0 && !Self.isVowel(s[start - 1]) && done()
        case 14:
            if start >= r.pV { s = stem + "ant".unicodeScalars }
            return false
        case 15:
            if start >= r.pV { s = stem + "ent".unicodeScalars }
            return false
        default:
            if start > 0, Self.isVowel(s[start - 1]), start - 1 >= r.pV { s = stem }
            return false
        }
    }

    /// Verb suffixes in -ir; true when one was taken off.
    private func iVerbSuffix(_ s: inout [Unicode.Scalar], _ r: Regions) -> Bool {
        guard let suffix = longest(s, Self.iVerbSuffixes, from: r.pV) else { return false }
        let start = s.count - suffix.unicodeScalars.count
        guard start > r.pV, s[start - 1] != "H", !Self.isVowel(s[start - 1]) else { return false }
        s.removeSubrange(start...)
        return true
    }

    /// Other verb suffixes; true when one was taken off.
    private func verbSuffix(_ s: inout [Unicode.Scalar], _ r: Regions) -> Bool {
        guard let suffix = longest(s, Self.verbSuffixes.map(\.suffix), from: r.pV) else { return false }
        let start = s.count - suffix.unicodeScalars.count
        switch Self.verbSuffixes.first(where: { $0.suffix == suffix })!.rule {
        case 1:
            guard start >= r.p2 else { return false }
            s.removeSubrange(start...)
        case 2: s.removeSubrange(start...)
        case 3: s.removeSubrange((start > 0 && s[start - 1] == "e" && start - 1 >= r.pV ? start - 1 : start)...)
        default:
            let before = s[..<start]
            if (before.hasSuffix("al") && start == 3) || before.hasSuffix("épl") || before.hasSuffix("auv") { return false }
            s.removeSubrange(start...)
        }
        return true
    }

    private func residualSuffix(_ s: inout [Unicode.Scalar], _ r: Regions) {
        let n = s.count
        if s.last == "s", s[..<(n - 1)].hasSuffix("Hi") || (n > 1 && !["a", "i", "o", "u", "s", "è"].contains(s[n - 2])) {
            s.removeLast()
        }
        guard let suffix = longest(s, Self.residualSuffixes, from: r.pV) else { return }
        let start = s.count - suffix.unicodeScalars.count
        switch suffix {
        case "ion":
            if start >= r.p2, start - 1 >= r.pV, s[start - 1] == "s" || s[start - 1] == "t" { s.removeSubrange(start...) }
        case "e": s.removeSubrange(start...)
        default: s.replaceSubrange(start..., with: ["i"])
        }
    }

    /// The longest of `suffixes` (longest first) that `s` ends with and that lies wholly at or after `from`.
    private func longest(_ s: [Unicode.Scalar], _ suffixes: [String], from: Int) -> String? {
        suffixes.first { s.count - $0.unicodeScalars.count >= from && s.hasSuffix($0) }
    }

    private static func isVowel(_ c: Unicode.Scalar) -> Bool {
        vowels.contains(c)
    }

    private static let vowels = Set("aeiouyâàëéêèïîôûù".unicodeScalars)
    private static let elisions = ["qu'", "c'", "d'", "j'", "l'", "m'", "n'", "s'", "t'"].map { Array($0.unicodeScalars) }
    private static let standardSuffixes = table([
        ("ance iqUe isme able iste eux ances iqUes ismes ables istes", 1), ("atrice ateur ation atrices ateurs ations", 2),
        ("logie logies", 3), ("usion ution usions utions", 4), ("ence ences", 5), ("ement ements", 6), ("ité ités", 7),
        ("if ive ifs ives", 8), ("eaux", 9), ("aux", 10), ("oux", 11), ("euse euses", 12), ("issement issements", 13),
        ("amment", 14), ("emment", 15), ("ment ments", 16),
    ])
    private static let iVerbSuffixes = table([(
        "ira ie isse issante i irai ir iras ies îmes isses issantes îtes is irais issais irions issions irons issons "
            + "issants it irait issait issant iraIent issaIent irent issent iront ît iriez issiez irez issez", 1,
    )]).map(\.suffix)
    private static let verbSuffixes = table([
        ("ions", 1), ("é ée ées és èrent er era erai eraIent erais erait eras erez eriez erions erons eront ez iez eais", 2),
        ("a ai aIent ait ant ante antes ants as asse asses assent assiez assions âmes ât âtes", 3), ("ais aise aises", 4),
    ])
    private static let residualSuffixes = table([("ion ier ière Ier Ière e", 0)]).map(\.suffix)

    /// Suffixes with their rule, longest first.
    private static func table(_ groups: [(String, Int)]) -> [(suffix: String, rule: Int)] {
        groups.flatMap { words, rule in words.split(separator: " ").map { (String($0), rule) } }
            .sorted { $0.suffix.unicodeScalars.count > $1.suffix.unicodeScalars.count }
    }
}

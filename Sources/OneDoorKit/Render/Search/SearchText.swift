internal import Foundation

/// How search reads text, the same way in the index builder and in the browser's search client
/// (`assets/search.js`): accents off, lower case, words of letters and digits.
enum SearchText {
    /// `Éducation` → `education`, `Œuvre` → `oeuvre`: accents off, lower case, and the letters written
    /// as two (œ, æ, ß) as those two.
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedScalars where !(0x300...0x36F).contains(scalar.value) {
            scalars.append(scalar)
        }
        let folded = String(scalars).lowercased()
        guard folded.unicodeScalars.contains(where: { $0 == "œ" || $0 == "æ" || $0 == "ß" }) else { return folded }
        return folded.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ß", with: "ss")
    }

    /// The folded words of a text, in order: `"Wi-Fi & café"` → `["wi", "fi", "cafe"]`. (`DistinctWords`
    /// reads plain ASCII the same way on bytes.)
    static func words(_ text: String) -> [String] {
        // Plain ASCII, as most names are, has no accents: lower case and split on its bytes.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.split { !(("a"..."z").contains(Unicode.Scalar($0)) || ("A"..."Z").contains(Unicode.Scalar($0))
                || ("0"..."9").contains(Unicode.Scalar($0))) }
                .map { String(decoding: $0.map { (0x41...0x5A).contains($0) ? $0 + 32 : $0 }, as: UTF8.self) }
        }
        return fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The same, in lower case with their accents when `keepingAccents` (for the French stemmer, which
    /// reads them; the stem is folded after): `"L'Éducation"` → `["l", "éducation"]`.
    static func words(_ text: String, keepingAccents: Bool) -> [String] {
        guard keepingAccents else { return words(text) }
        return text.precomposedStringWithCanonicalMapping.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}

extension String {
    /// The Unicode scalars in canonical decomposition (NFD), so accents stand apart from their letters.
    fileprivate var decomposedScalars: [Unicode.Scalar] {
        Array(decomposedStringWithCanonicalMapping.unicodeScalars)
    }
}

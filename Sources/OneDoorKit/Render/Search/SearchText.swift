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

    /// The folded words of a text, in order: `"Wi-Fi & café"` → `["wi", "fi", "cafe"]`.
    static func words(_ text: String) -> [String] {
        // Plain ASCII, as most names are, has no accents: split on its bytes.
        var text = text
        let ascii = text.withUTF8 { utf8 -> [String]? in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            var words: [String] = []
            forEachASCIIWord(utf8) { words.append(String(decoding: $0, as: UTF8.self)) }
            return words
        }
        return ascii ?? fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The words of plain ASCII text, read on its bytes: letters lower-cased and digits, anything else
    /// ends a word. `body` is given each word's bytes.
    static func forEachASCIIWord(_ utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let folded = utf8.map { byte -> UInt8 in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
            default: 0
            }
        }
        folded.withUnsafeBufferPointer { folded in
            var start = 0
            while start < folded.count {
                guard folded[start] != 0 else {
                    start += 1
                    continue
                }
                var end = start + 1
                while end < folded.count, folded[end] != 0 { end += 1 }
                body(UnsafeBufferPointer(rebasing: folded[start..<end]))
                start = end
            }
        }
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

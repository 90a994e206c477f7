internal import Foundation

/// How search reads text, the same way in the index builder and in the browser's search client
/// (`assets/search.js`): accents off, lower case, words of letters and digits.
enum SearchText {
    /// `Éducation` → `education`.
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedScalars where !(0x300...0x36F).contains(scalar.value) {
            scalars.append(scalar)
        }
        return String(scalars).lowercased()
    }

    /// The folded words of a text, in order: `"Wi-Fi & café"` → `["wi", "fi", "cafe"]`.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append($0) }
        return words
    }

    /// Calls `body` with each folded word of a text, in order, without gathering them.
    static func forEachWord(in text: String, _ body: (String) -> Void) {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return fold(text).split { !($0.isLetter || $0.isNumber) }.forEach { body(String($0)) }
        }
        // The common case, on bytes: plain ASCII text has no accents to take off.
        var word: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
            default:
                if !word.isEmpty { body(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
            }
        }
        if !word.isEmpty { body(String(decoding: word, as: UTF8.self)) }
    }
}

extension String {
    /// The Unicode scalars in canonical decomposition (NFD), so accents stand apart from their letters.
    fileprivate var decomposedScalars: [Unicode.Scalar] {
        Array(decomposedStringWithCanonicalMapping.unicodeScalars)
    }
}

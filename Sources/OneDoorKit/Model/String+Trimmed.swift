extension StringProtocol {
    /// The text without white space at either end.
    var trimmed: String {
        // Most values start and end with a visible ASCII character: nothing to trim. (`last`, not
        // `utf8.reversed().first`, which copies every byte: a StringProtocol's views are only Collections.)
        if let first = first?.asciiValue, let last = last?.asciiValue, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return String(self)
        }
        guard let start = firstIndex(where: { !$0.isWhitespace }), let end = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[start...end])
    }
}

extension String {
    /// True when every character is ASCII: then bytes can be read one by one as characters, the fast
    /// path of code that reads text.
    var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}

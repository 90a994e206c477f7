/// The shapes of addresses the format accepts.
public enum WebAddress {
    /// An absolute `http://` or `https://` address with a host.
    public static func isHTTP(_ text: String) -> Bool {
        if text.isASCII { return isHTTP(ascii: Array(text.utf8)) }
        let lower = text.lowercased()
        for scheme in ["https://", "http://"] where lower.hasPrefix(scheme) {
            let rest = text.dropFirst(scheme.count)
            let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return !host.isEmpty && !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
        }
        return false
    }

    /// `isHTTP` for ASCII text, the common case, on bytes.
    private static func isHTTP(ascii bytes: [UInt8]) -> Bool {
        for scheme in ["https://", "http://"] {
            let prefix = Array(scheme.utf8)
            guard bytes.count >= prefix.count,
                  zip(bytes, prefix).allSatisfy({ $0 | ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? 0x20 : 0) == $1 })
            else { continue }
            let host = bytes[prefix.count...].prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
            return !host.isEmpty && !bytes.contains { isWhitespace($0) || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
        }
        return false
    }

    public static func isEmail(_ text: String) -> Bool {
        if text.isASCII { return isEmail(ascii: Array(text.utf8)) }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.contains { $0.isWhitespace || "<>\"(),;:[]\\".contains($0) }
    }

    /// `isEmail` for ASCII text, on bytes.
    private static func isEmail(ascii bytes: [UInt8]) -> Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0, !bytes[(at + 1)...].contains(UInt8(ascii: "@")) else { return false }
        let domain = bytes[(at + 1)...]
        guard domain.contains(UInt8(ascii: ".")), domain.first != UInt8(ascii: "."), domain.last != UInt8(ascii: ".") else { return false }
        let forbidden = Array("<>\"(),;:[]\\".utf8)
        return !bytes.contains { isWhitespace($0) || forbidden.contains($0) }
    }

    /// An ASCII byte that `Character.isWhitespace` calls white space: tab to carriage return, and space.
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        (0x09...0x0D).contains(byte) || byte == 0x20
    }

    public static func isPhone(_ text: String) -> Bool {
        if text.isASCII {
            let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
            let allowed = Array(" +-()x".utf8)
            return text.utf8.contains { digits.contains($0) } && text.utf8.allSatisfy { digits.contains($0) || allowed.contains($0) }
        }
        return text.contains { $0.isASCII && $0.isNumber } && text.allSatisfy { ($0.isASCII && $0.isNumber) || " +-()x".contains($0) }
    }

    /// The scheme of a link, lower-cased (`https`, `mailto`, `javascript`), or nil for a relative path.
    public static func scheme(of link: String) -> String? {
        // Most links are https: the common answer without looking at characters.
        if link.utf8.starts(with: "https://".utf8) { return "https" }
        guard let colon = link.firstIndex(of: ":") else { return nil }
        let scheme = link[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        else { return nil }
        return scheme.lowercased()
    }
}

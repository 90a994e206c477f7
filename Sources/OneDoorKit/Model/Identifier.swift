/// The rules for ids: `^[a-z0-9]+(-[a-z0-9]+)*$`, at most 64 characters.
public enum Identifier {
    public static let maxLength = 64
    static let rule = "use lower-case letters a-z and digits, words joined by single hyphens, at most 64 characters"

    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maxLength else { return false }
        var previous: UInt8 = 0x2D  // so that a leading hyphen fails like a doubled one
        for byte in text.utf8 {
            switch byte {
            case 0x61...0x7A, 0x30...0x39: break
            case 0x2D where previous != 0x2D: break
            default: return false
            }
            previous = byte
        }
        return previous != 0x2D
    }

    /// The id a person probably meant: `Remote Access_VPN` → `remote-access-vpn`.
    static func normalized(_ text: String) -> String {
        let words = text.lowercased().split { !(("a"..."z").contains($0) || ("0"..."9").contains($0)) }
        return String(words.joined(separator: "-").prefix(maxLength))
    }

    static func suggestion(for text: String) -> String {
        let fixed = normalized(text)
        return isValid(fixed) && fixed != text ? " (did you mean '\(fixed)'?)" : ""
    }
}

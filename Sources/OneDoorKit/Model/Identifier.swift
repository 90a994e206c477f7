/// The rules for ids: `^[a-z0-9]+(-[a-z0-9]+)*$`, at most 64 characters.
public enum Identifier {
    public static let maxLength = 64
    static let rule = "use lower-case letters a-z and digits, words joined by single hyphens, at most 64 characters"

    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maxLength, !text.hasPrefix("-"), !text.hasSuffix("-"),
              !text.contains("--") else { return false }
        return text.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
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

internal import Foundation

/// Stable anchors for headings: lower-case words joined by hyphens, like GitHub's.
enum Anchor {
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let words = folded.split { !($0.isLetter || $0.isNumber) }
        let slug = words.joined(separator: "-")
        return slug.isEmpty ? "section" : slug
    }
}

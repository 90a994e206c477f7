internal import Foundation

/// The portal's own words — headings, labels, hints, messages — in each language it knows, by key.
/// A catalogue may replace any of them (`messages:` in `catalogue.yaml`, a text or a map of languages).
/// Texts may hold `{0}`, `{1}`… for values put in when the words are used.
public struct Messages: Sendable {
    public let language: String
    private let texts: [String: String]

    /// The built-in words for `language` (English for a language OneDoor does not know), with the
    /// catalogue's replacements.
    public init(language: String, replacements: [String: String] = [:]) {
        self.language = language
        let base = Self.builtIn(for: language)
        texts = base.merging(replacements) { $1 }
    }

    /// The built-in words of a language: French for `fr` and `fr-CA`, English otherwise.
    static func builtIn(for language: String) -> [String: String] {
        Self.isFrench(language) ? french : english
    }

    static func isFrench(_ language: String) -> Bool {
        language == "fr" || language.hasPrefix("fr-")
    }

    /// Every key a catalogue may replace.
    public static var keys: Set<String> { Set(english.keys) }

    /// The text of `key`, with `{0}`, `{1}`… replaced by `values`.
    public func callAsFunction(_ key: String, _ values: String...) -> String {
        var text = texts[key] ?? Self.english[key] ?? key
        for (position, value) in values.enumerated() {
            text = text.replacingOccurrences(of: "{\(position)}", with: value)
        }
        return text
    }

    /// Every text, by key, for the templates (`{{m.key}}`).
    public var all: [String: String] { texts }
}

/// What search files a word under in a language: its stem, with accents folded, so that `taxes` and
/// `tax`, `licences` and `licence` meet. English words are folded, then stemmed; French ones are stemmed
/// (the French stemmer reads accents), then folded. A language with no stemmer keeps its folded words.
enum Stemmer: Sendable, Equatable {
    case english, french, none

    /// The stemmer of a language tag: `en`, `en-CA` → English; `fr`, `fr-CA` → French.
    init(language: String) {
        let primary = language.lowercased().split(separator: "-").first.map(String.init) ?? ""
        self = primary == "en" ? .english : primary == "fr" ? .french : .none
    }

    /// Its name in the search index, for the client to stem the query alike: `english`, `french` or "".
    var name: String {
        switch self {
        case .english: "english"
        case .french: "french"
        case .none: ""
        }
    }

    /// True when words are split from lower-case text with their accents (French), rather than from
    /// folded text.
    var readsAccents: Bool { self == .french }

    /// The key of a word: folded and stemmed. `word` is folded (`SearchText.fold`) unless `readsAccents`,
    /// when it is in lower case with its accents.
    func key(_ word: String) -> String {
        switch self {
        case .english: EnglishStemmer().stem(word)
        case .french: SearchText.fold(FrenchStemmer().stem(word))
        case .none: word
        }
    }
}

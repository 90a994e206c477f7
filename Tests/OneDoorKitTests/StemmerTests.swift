import Foundation
import Testing

@testable import OneDoorKit

/// The stemmers against the reference implementation's stems (PyPI `snowballstemmer`) of every word of
/// the Government of Canada's service inventory, in `Fixtures/stems/` (`Tests/stems/make_fixtures.py`
/// makes them again; `make test` checks that they still agree with the reference when it is installed).
struct StemmerTests {
    @Test(arguments: ["english", "french"])
    func stemsEveryInventoryWordAsTheReferenceDoes(_ language: String) throws {
        let pairs = try referenceStems(language)
        #expect(pairs.count > 8000)
        func stem(_ word: String) -> String {
            language == "english" ? EnglishStemmer().stem(word) : FrenchStemmer().stem(word)
        }
        let wrong = pairs.filter { stem($0.word) != $0.stem }
        #expect(wrong.isEmpty, "\(wrong.prefix(20).map { "\($0.word): \($0.stem), not \(stem($0.word))" })")
    }

    @Test func englishWordFormsMeet() {
        let stemmer = EnglishStemmer()
        #expect(stemmer.stem("taxes") == stemmer.stem("tax"))
        #expect(stemmer.stem("licences") == stemmer.stem("licence"))
        #expect(stemmer.stem("renewing") == "renew" && stemmer.stem("renewal") == "renew")
        #expect(stemmer.stem("dying") == "die")
        #expect(stemmer.stem("news") == "news")
        #expect(stemmer.stem("at") == "at")
    }

    func referenceStems(_ language: String) throws -> [(word: String, stem: String)] {
        let url = Bundle.module.url(forResource: "Fixtures/stems/\(language)", withExtension: "tsv")!
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            return (String(parts[0]), String(parts[1]))
        }
    }
}

extension StemmerTests {
    @Test func frenchKeysAreStemmedThenFolded() {
        let french = Stemmer(language: "fr-CA")
        #expect(french.readsAccents)
        #expect(french.key("éducation") == "educ")
        #expect(french.key("services") == french.key("service"))
        #expect(Stemmer(language: "en") == .english)
        #expect(Stemmer(language: "de").key("häuser") == "häuser")
    }
}

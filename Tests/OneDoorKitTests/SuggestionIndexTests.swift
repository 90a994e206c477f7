@testable import OneDoorKit
import Testing

@Suite struct SuggestionIndexTests {
    let many = (0..<300).map { "service-\(String(repeating: "0", count: 4 - String($0).count))\($0)" }

    @Test func aFewIdsAreEachComparedWithTheWord() {
        let ids = ["networks", "network-accounts", "email"]
        let index = SuggestionIndex(ids)
        for word in ["netwrks", "network-acounts", "emial", "nteworks-accounts", "printers"] {
            #expect(index.closest(to: word) == Suggestion.closest(to: word, among: ids), "\(word)")
        }
    }

    @Test(arguments: ["servce-0042", "servicee-0042", "sevrice-0042", "service-0x42", "SERVICE-0042"])
    func amongManyIdsOneTypoIsFound(_ word: String) {
        #expect(SuggestionIndex(many).closest(to: word) == "service-0042")
    }

    @Test func amongUpToTwoThousandIdsTwoTyposAreFound() {
        #expect(SuggestionIndex(many).closest(to: "srvce-0042") == "service-0042")
        #expect(SuggestionIndex(many).closest(to: "sevrice-0x42") == "service-0042")
    }

    @Test func amongMoreOnlyOneTypoIsFound() {
        let more = (0..<2_500).map { "service-\(String(repeating: "0", count: 4 - String($0).count))\($0)" }
        #expect(SuggestionIndex(more).closest(to: "servce-0042") == "service-0042")
        #expect(SuggestionIndex(more).closest(to: "srvce-0042") == nil)
    }

    @Test func amongManyIdsTheAnswerIsTheOneAFullComparisonGives() {
        let index = SuggestionIndex(many)
        let typos = many.prefix(10).flatMap { id in
            let letters = Array(id)
            return letters.indices.dropLast().map { at in
                var swapped = letters
                swapped.swapAt(at, at + 1)
                return String(swapped)
            } + letters.indices.map { at in String(letters[..<at] + letters[(at + 1)...]) }
        }
        for word in typos where !many.contains(word) {
            #expect(index.closest(to: word) == Suggestion.closest(to: word, among: many), "\(word)")
        }
    }

    @Test func aWordFarFromEveryIdGetsNoHintAndTheSameAnswerTwice() {
        let index = SuggestionIndex(many)
        #expect(index.closest(to: "printers") == nil)
        #expect(index.closest(to: "printers") == nil)
        #expect(index.closest(to: "servce-0042") == index.closest(to: "servce-0042"))
    }
}

@testable import OneDoorKit
import Testing

@Suite struct DistinctWordsTests {
    @Test func eachWordOnceWithTheFieldOfTheLastFieldItIsFoundIn() {
        var words = DistinctWords(capacity: 4)
        words.add("Printers, printers and PRINTERS in the office.", .body)
        words.add("Office printing", .summary)
        words.add("Printers", .name)
        #expect(words.all.map(\.word) == ["printers", "and", "in", "the", "office", "printing"])
        #expect(words.all.map(\.field) == [.name, .body, .body, .body, .summary, .summary])
    }

    @Test func accentedTextIsFoldedAsSearchReadsIt() {
        var words = DistinctWords(capacity: 4)
        words.add("Éducation et café", .body)
        words.add("education", .keyword)
        #expect(words.all.map(\.word) == ["education", "et", "cafe"])
        #expect(words.all.first?.field == .keyword)
    }

    @Test func accentsAreKeptForAStemmerThatReadsThem() {
        var words = DistinctWords(capacity: 4, keepingAccents: true)
        words.add("L'Éducation et le café", .body)
        #expect(words.all.map(\.word) == ["l", "éducation", "et", "le", "café"])
    }

    @Test func manyWordsGrowTheTableAndMatchADictionary() {
        // Far more words than the room asked for, with repeats, so the table grows several times.
        let text = (0..<5_000).map { "w\($0 % 1_700) x\($0 * 7 % 300)" }.joined(separator: " ")
        var words = DistinctWords(capacity: 1)
        words.add(text, .body)
        words.add("w5 x299 new", .summary)
        var expected: [String: SearchIndex.Field] = [:]
        for word in SearchText.words(text) { expected[word] = .body }
        for word in ["w5", "x299", "new"] { expected[word] = .summary }
        #expect(words.all.count == expected.count)
        #expect(Dictionary(words.all, uniquingKeysWith: { $1 }) == expected)
    }
}

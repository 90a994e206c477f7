/// The distinct words of a service's texts (folded, or in lower case with their accents for a stemmer
/// that reads them), each with the best field it is found in,
/// gathered on bytes: a word seen again is found by its bytes, so only distinct words become `String`s.
/// (A service's description repeats most of its words; making each occurrence a `String` and a
/// dictionary key was a tenth of a build.)
struct DistinctWords {
    /// The words' bytes, one after another.
    private var bytes: [UInt8] = []
    private var words: [(start: Int, count: Int, field: SearchIndex.Field)] = []
    /// Open addressing over `words`: an index plus one, or 0 for an empty slot.
    private var slots: [Int32]

    /// True when words keep their accents (`Stemmer.readsAccents`).
    private let keepsAccents: Bool

    /// Room for about `capacity` distinct words before the table grows.
    init(capacity: Int, keepingAccents: Bool = false) {
        keepsAccents = keepingAccents
        var size = 64
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        bytes.reserveCapacity(capacity * 8)
        words.reserveCapacity(capacity)
    }

    /// Adds the words of `text` with `field`, which replaces the field a word already has: fields are
    /// added in order of rising weight.
    mutating func add(_ text: String, _ field: SearchIndex.Field) {
        var text = text
        let wasASCII = text.withUTF8 { utf8 in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            // Plain ASCII has no accents to take off.
            SearchText.forEachASCIIWord(utf8) { add(word: $0, field) }
            return true
        }
        guard !wasASCII else { return }
        for word in SearchText.words(text, keepingAccents: keepsAccents) {
            Array(word.utf8).withUnsafeBufferPointer { add(word: $0, field) }
        }
    }

    /// Every distinct word with its field, in the order first seen.
    var all: [(word: String, field: SearchIndex.Field)] {
        words.map { (String(decoding: bytes[$0.start..<($0.start + $0.count)], as: UTF8.self), $0.field) }
    }

    private mutating func add(word: UnsafeBufferPointer<UInt8>, _ field: SearchIndex.Field) {
        // FNV-1a: short words, so a simple hash is enough.
        var hash: UInt32 = 2_166_136_261
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if words[index].count == word.count, bytes.withUnsafeBufferPointer({ stored in
                word.indices.allSatisfy { stored[words[index].start + $0] == word[$0] }
            }) {
                words[index].field = field
                return
            }
            slot = (slot + 1) & mask
        }
        words.append((bytes.count, word.count, field))
        bytes.append(contentsOf: word)
        slots[slot] = Int32(words.count)
        if words.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        var larger = DistinctWords(capacity: slots.count, keepingAccents: keepsAccents)
        bytes.withUnsafeBufferPointer { bytes in
            for word in words {
                larger.add(word: UnsafeBufferPointer(rebasing: bytes[word.start..<(word.start + word.count)]), word.field)
            }
        }
        self = larger
    }
}

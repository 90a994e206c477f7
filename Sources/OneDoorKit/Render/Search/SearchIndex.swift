internal import Synchronization

/// The search index, built at build time and loaded by the browser with `<script>` elements, which work
/// from `file://` where `fetch` does not. It is split so that a query loads only what it needs:
///
/// - `search/index.js`: the filters' names and each service's category, type, status and team;
/// - `search/words-K.js`: the words that a term whose first letters give the key `K` may be typing or
///   mistyping — those that start with `K`, and those that would if their first or second letter were
///   taken out — so that a typo in any letter, the first included, finds its word;
/// - `search/terms-P.js`: the words that start with the prefix `P` (`search/terms.js` when one file holds
///   all), each with the services it is found in and the field (name above keywords, above summary,
///   above the rest, above body), and the pairs of words that stand side by side in a name or keyword;
/// - `search/docs-N.js`: names, summaries and pages of services, `chunkSize` at a time, for the results shown.
///
/// A terms file also carries the names, summaries and pages of the services its words put first
/// (`shownPerWord` of each, as a query of that word alone ranks them): a query of one word, or of a
/// pair, most often shows its results with no docs file, since each file a keystroke waits for costs
/// it a millisecond or two.
///
/// Words are filed by their stem (`Stemmer`), so that `taxes` finds "Tax".
///
/// The index gathers words while the service pages render, each page handing over the words of its
/// service (`add`), so that no description is rendered twice or kept after its page is written.
final class SearchIndex: Sendable {
    /// The field a word is found in, from the one that counts least to the one that counts most (the
    /// client gives each its weight).
    enum Field: UInt32, Comparable {
        case body = 1, context, summary, keyword, name

        static func < (a: Field, b: Field) -> Bool { a.rawValue < b.rawValue }
    }

    /// A posting's code: the field in the high bits and, for a name, how many words the name has (up to
    /// 15), so that the client can rank a short name that a query fills above a long one.
    typealias Code = UInt32
    static let codeBits: UInt32 = 7

    static func code(_ field: Field, nameWords: Int = 0) -> Code {
        field.rawValue << 4 | UInt32(field == .name ? min(nameWords, 15) : 0)
    }

    static func field(of code: Code) -> Field { Field(rawValue: code >> 4 & 7)! }

    static let chunkSize = 20
    /// How many of the services each word puts first a terms file carries: as many as a page of results shows.
    static let shownPerWord = 10
    /// The most services a terms file carries: past it, fewer for each word (`shown(words:pairs:whole:)`).
    static let shownLimit = 300
    /// A term of fewer letters is looked up as it is, not as the beginning of longer words (search.js,
    /// `PREFIX_LETTERS`).
    static let prefixLetters = 3
    /// A terms file with too many words to carry this many services of each is split by a longer prefix.
    static let shownPerWordAtLeast = 3
    /// A term shard larger than this (in bytes) is split by a longer prefix.
    static let shardLimit = 40_000
    /// The longest prefix that names a terms file: words and pairs that share a long beginning (`servic `)
    /// are split that far.
    static let longestPrefix = 20
    /// The shortest prefix whose small groups of a letter more go back into its own shard: shorter
    /// ones are typed before a query has results.
    static let mergedFrom = 3
    /// A word found only in the bodies of more than this share of services tells them apart from nothing.
    static let commonBodyShare = 0.25

    let index: SiteIndex
    /// How words are reduced to what they are filed under, in the language of the pages.
    let stemmer: Stemmer
    /// The words each worker of the render gathered, on its own: the workers share no lock and no
    /// memory while they add, and `files()` joins their words.
    private let lanes: [Lane]
    /// All the words, once joined.
    private let gathered: Mutex<Postings>
    /// What the last `files()` wrote, kept when the index is to be updated (by `onedoor serve`).
    private let written: Mutex<Written?>
    private let keepsWritten: Bool

    /// Each word with the services it is found in, as `doc << codeBits | code`, in the order they arrived
    /// (a service may come twice, when two of its words have one stem).
    private struct Postings {
        var words: [String: [UInt32]] = [:]
    }

    /// One worker's words, kept in the order they came: each word once in `ids`, and each posting
    /// appended to the end of `log`, so that adding touches the dictionary and no per-word list (a
    /// hundred thousand lists, written in turn, do not stay in the processor's caches).
    private struct LaneWords {
        var ids: [String: UInt32] = [:]
        var words: [String] = []
        /// Each posting as `word id << codeBits | code`, a service's postings one after the other: four
        /// bytes a posting, where a service's position beside each would take eight.
        var log: [UInt32] = []
        /// Each service whose postings are in `log`, with where they end there.
        var docs: [(doc: UInt32, end: Int)] = []
        /// The stems of the words this worker has seen.
        var stems: StemCache

        /// The id of each word as a service gives it, by its stem's: a cache of the stemmer and of `ids`.
        var surfaceIDs: [String: UInt32] = [:]

        /// Adds the keys of the service at position `doc`.
        mutating func add(_ found: [(key: String, code: Code)], doc: Int) {
            for (key, code) in found { log.append(id(of: key) << SearchIndex.codeBits | code) }
            docs.append((UInt32(doc), log.count))
        }

        /// Adds the words and pairs of the service at position `doc`.
        mutating func add(_ found: ServiceWords, doc: Int) {
            for (word, field) in found.words {
                let id: UInt32
                if let known = surfaceIDs[word] {
                    id = known
                } else {
                    id = self.id(of: stems.key(word))
                    surfaceIDs[word] = id
                }
                log.append(id << SearchIndex.codeBits | found.code(field))
            }
            for (key, code) in found.pairs { log.append(id(of: key) << SearchIndex.codeBits | code) }
            docs.append((UInt32(doc), log.count))
        }

        private mutating func id(of key: String) -> UInt32 {
            if let known = ids[key] { return known }
            let id = UInt32(words.count)
            ids[key] = id
            words.append(key)
            return id
        }

        /// The postings grouped by word, each list in the order its postings came.
        consuming func postings() -> Postings {
            // A counting sort by word: where each word's list starts, then each posting into its place.
            let mask: UInt32 = 1 << SearchIndex.codeBits - 1
            var starts = [Int](repeating: 0, count: words.count + 1)
            for posting in log { starts[Int(posting >> SearchIndex.codeBits) + 1] += 1 }
            for id in words.indices { starts[id + 1] += starts[id] }
            var next = starts
            var sorted = [UInt32](repeating: 0, count: log.count)
            var start = 0
            for (doc, end) in docs {
                for posting in log[start..<end] {
                    let id = Int(posting >> SearchIndex.codeBits)
                    sorted[next[id]] = doc << SearchIndex.codeBits | posting & mask
                    next[id] += 1
                }
                start = end
            }
            (log, docs) = ([], [])  // freed before the lists are made
            var postings = Postings()
            postings.words.reserveCapacity(words.count)
            for (id, word) in words.enumerated() {
                postings.words[word] = Array(sorted[starts[id]..<starts[id + 1]])
            }
            return postings
        }
    }

    private final class Lane: Sendable {
        let words: Mutex<LaneWords>

        init(stemmer: Stemmer) {
            words = Mutex(LaneWords(stems: StemCache(stemmer: stemmer)))
        }
    }

    /// The terms and words files as last written.
    private struct Written {
        var entries: [String: [UInt8]]
        /// The services each word puts first (`firstDocs`).
        var firstDocs: [String: [Int]]
        /// Each service as the terms files show it (`shownEntry`).
        var shownEntries: [[UInt8]]
        var shards: [String: (words: [String], file: OutputFile, shown: [Int])]
        /// The words, sorted, grouped by their first letter as shards name it.
        var wordsByKey: [String: [String]]
        /// The words of each words file, sorted, by its key.
        var vocabulary: [String: [String]]
    }

    /// The catalogue's synonyms, each member as the keys the index files it under.
    private let synonyms: [[[String]]]
    /// The average number of words in a name, against which a name's own is weighed; to two decimals,
    /// as the client is given it.
    private let averageNameWords: Double
    /// Whether the service at each position is retired: a word puts its live services first.
    private let isRetired: [Bool]

    /// An empty index of pages in `language` (the catalogue's default when not given); `keepingFiles`
    /// keeps what `files()` writes, for `update`.
    init(index: SiteIndex, language: String? = nil, keepingFiles: Bool = false) {
        self.index = index
        let stemmer = Stemmer(language: language ?? index.catalogue.settings.language)
        self.stemmer = stemmer
        var stems = StemCache(stemmer: stemmer)
        averageNameWords = Self.averageNameWords(index.catalogue.services)
        isRetired = index.catalogue.services.map { $0.status == .retired }
        synonyms = index.catalogue.settings.synonyms.map { group in
            group.map { stems.keys(inOrder: $0) }.filter { !$0.isEmpty }
        }
        lanes = (0..<Workers.count).map { _ in Lane(stemmer: stemmer) }
        gathered = Mutex(Postings())
        written = Mutex(nil)
        keepsWritten = keepingFiles
    }

    /// Takes over the words and files of `previous` (which is left empty), for a catalogue in which
    /// services have been edited (the same ids in the same order, with the same categories, teams and
    /// support models): `update` then brings it up to date. Nothing is copied.
    init(index: SiteIndex, continuing previous: SearchIndex) {
        self.index = index
        stemmer = previous.stemmer
        synonyms = previous.synonyms
        averageNameWords = Self.averageNameWords(index.catalogue.services)
        isRetired = index.catalogue.services.map { $0.status == .retired }
        lanes = []
        gathered = Mutex(previous.gathered.take(leaving: Postings()))
        written = Mutex(previous.written.take(leaving: nil))
        keepsWritten = true
    }

    /// Adds the words of the service at position `doc` of the id-sorted list; `description` is its
    /// Markdown description as plain text. Safe to call from any thread; `worker` (below
    /// `Workers.count`) says whose words they join, so that workers do not wait for each other.
    func add(_ service: Service, doc: Int, description: String, worker: Int) {
        lanes[worker].words.withLock { lane in
            guard synonyms.isEmpty else {
                lane.add(keys(of: service, description: description, stems: &lane.stems), doc: doc)
                return
            }
            // Without synonyms, a service's words go in as they are, each stemmed once a worker: two
            // words of one stem in one service are made one posting when the lists are sorted (`kept`).
            lane.add(serviceWords(service, description: description, stems: &lane.stems), doc: doc)
        }
    }

    /// Every file of the index, under `search/`, once every service has been added.
    func files() -> [OutputFile] {
        join()
        let services = index.catalogue.services
        let (words, entries, firstDocs) = { () -> ([String], [String: [UInt8]], [String: [Int]]) in
            let postings = self.postings()
            // A build does not update the index: the words it gathered go as soon as they are kept.
            if !keepsWritten { gathered.withLock { $0 = Postings() } }
            let words = postings.keys.sorted()
            let made = words.concurrentMap { (entry($0, postings[$0]!), self.firstDocs(postings[$0]!)) }
            return (words, Dictionary(uniqueKeysWithValues: zip(words, made.map(\.0))), Dictionary(uniqueKeysWithValues: zip(words, made.map(\.1))))
        }()
        let shards = shard(words, prefixLength: 0, entries: entries, firstDocs: firstDocs)
        let shown = Array(services.enumerated()).concurrentMap(Self.shownEntry)
        let shardFiles = shards.concurrentMap { shardFile($0, entries: entries, firstDocs: firstDocs, shownEntries: shown) }
        // One terms file holds every word, and is the vocabulary itself.
        let vocabulary = shards.map(\.prefix) == [""] ? [:] : Self.vocabulary(of: words)
        if keepsWritten {
            written.withLock { written in
                written = Written(entries: entries, firstDocs: firstDocs, shownEntries: shown, shards: Dictionary(uniqueKeysWithValues: zip(shards, shardFiles).map {
                    ($0.prefix, (words: $0.words, file: $1.file, shown: $1.shown))
                }), wordsByKey: Dictionary(grouping: words) { shardKey($0, length: 1) }, vocabulary: vocabulary)
            }
        }
        return [manifestFile(shards: shards.map(\.prefix), vocabulary: vocabulary.keys.sorted()), orderFile()] + shardFiles.map(\.file)
            + vocabulary.keys.sorted().map { wordsFile($0, vocabulary[$0]!) }
            + stride(from: 0, to: services.count, by: Self.chunkSize).map { docsFile(chunk: $0 / Self.chunkSize) }
    }

    /// Brings the index up to date after the service at position `doc` was edited from `old` to `new`
    /// (`files()` or `update` must have run before). Returns the files that changed, and the paths of
    /// terms files that are no longer part of the index; the result is what `files()` would give.
    func update(doc: Int, old: (service: Service, description: String), new: (service: Service, description: String))
        -> (changed: [OutputFile], removed: [String]) {
        // Only words whose code changed, or that came or went, change the index.
        var before = keys(of: old.service, description: old.description)
        var after = keys(of: new.service, description: new.description)
        for (word, code) in after where before[word] == code {
            before[word] = nil
            after[word] = nil
        }
        let lists = gathered.withLock { postings -> [String: [UInt32]] in
            for word in before.keys {
                postings.words[word]?.removeAll { $0 >> Self.codeBits == UInt32(doc) }
                if postings.words[word]?.isEmpty == true { postings.words[word] = nil }
            }
            for (word, code) in after {
                postings.words[word, default: []].append(UInt32(doc) << Self.codeBits | code)
            }
            let dirty = Set(before.keys).union(after.keys)
            return Dictionary(uniqueKeysWithValues: dirty.map { ($0, kept($0, in: postings) ?? []) })
        }
        // Taken out of the lock while it changes, so that it is not copied.
        guard var last = written.take(leaving: nil) else { return (files(), []) }
        let wasOneFile = last.shards[""] != nil
        let vocabularyBefore = Set(last.vocabulary.keys)
        var dirtyVocabulary = Set<String>()
        /// A word added to a sorted list of words, or taken out; an emptied list goes.
        func file(_ word: String, in list: inout [String]?, adding: Bool) {
            var words = list ?? []
            if adding { words.insert(word, at: words.firstIndex { $0 > word } ?? words.count) } else { words.removeAll { $0 == word } }
            list = words.isEmpty ? nil : words
        }
        for (word, list) in lists {
            let existed = last.entries[word] != nil
            last.entries[word] = list.isEmpty ? nil : entry(word, list)
            last.firstDocs[word] = list.isEmpty ? nil : firstDocs(list)
            // Only a word that comes or goes changes the lists of words.
            guard list.isEmpty == existed else { continue }
            file(word, in: &last.wordsByKey[shardKey(word, length: 1)], adding: !existed)
            for vocabularyKey in Self.vocabularyKeys(of: word) where !wasOneFile {
                file(word, in: &last.vocabulary[vocabularyKey], adding: !existed)
                dirtyVocabulary.insert(vocabularyKey)
            }
        }
        let shards = reshard(last, dirtyKeys: Set(lists.keys.map { shardKey($0, length: 1) }))
        if (shards.map(\.prefix) == [""]) != wasOneFile {
            // The index grew out of one terms file, or back into one: its words files come or go. Rare
            // enough to write it all again.
            let before = Set(last.shards.keys.map { "search/\(shardName($0)).js" } + last.vocabulary.keys.map { "search/words-\($0).js" })
            written.withLock { $0 = last }
            let all = files()
            return (all, before.subtracting(all.map(\.path)).sorted())
        }
        var changed = [docsFile(chunk: doc / Self.chunkSize)]
        changed += dirtyVocabulary.compactMap { key in last.vocabulary[key].map { (key, $0) } }.sorted { $0.0 < $1.0 }.map(wordsFile)
        // The manifest holds the shards' and words files' names, each service's filters, and the names'
        // average length.
        let (a, b) = (old.service, new.service)
        if a.name != b.name { changed.append(orderFile()) }
        if Set(shards.map(\.prefix)) != Set(last.shards.keys) || Set(last.vocabulary.keys) != vocabularyBefore
            || a.name != b.name || a.category.value != b.category.value
            || a.kind != b.kind || a.status != b.status || a.owner.value != b.owner.value {
            changed.append(manifestFile(shards: shards.map(\.prefix), vocabulary: last.vocabulary.keys.sorted()))
        }
        // A terms file that shows the service again, as it now reads, once its name or summary changed.
        let isShownAnew = a.name != b.name || a.summary.value != b.summary.value
        var next: [String: (words: [String], file: OutputFile, shown: [Int])] = [:]
        last.shownEntries[doc] = Self.shownEntry(doc, b)
        for shard in shards {
            if let previous = last.shards[shard.prefix], previous.words == shard.words, !shard.words.contains(where: { lists[$0] != nil }),
               !(isShownAnew && previous.shown.contains(doc)) {
                next[shard.prefix] = previous
            } else {
                let made = shardFile(shard, entries: last.entries, firstDocs: last.firstDocs, shownEntries: last.shownEntries)
                next[shard.prefix] = (shard.words, made.file, made.shown)
                changed.append(made.file)
            }
        }
        let removed = last.shards.keys.filter { next[$0] == nil }.map { "search/\(shardName($0)).js" }
            + vocabularyBefore.subtracting(last.vocabulary.keys).sorted().map { "search/words-\($0).js" }
        last.shards = next
        written.withLock { $0 = last }
        return (changed, removed)
    }

    /// The shards `shard(words, prefixLength: 0, …)` gives, worked out again only for the first letters
    /// in `dirtyKeys` when the index is split by first letter (as any large one is).
    private func reshard(_ written: Written, dirtyKeys: Set<String>) -> [Shard] {
        let size = written.entries.values.reduce(1) { $0 + $1.count + 1 }
        guard size > Self.shardLimit, written.shards[""] == nil else {
            return shard(written.entries.keys.sorted(), prefixLength: 0, entries: written.entries, firstDocs: written.firstDocs)
        }
        let previous = Dictionary(grouping: written.shards.keys.sorted()) { String($0.prefix(1)) }
        return written.wordsByKey.keys.sorted().flatMap { key -> [Shard] in
            let words = written.wordsByKey[key]!
            guard !words.isEmpty else { return [] }
            if !dirtyKeys.contains(key), let kept = previous[key] {
                return kept.map { Shard(prefix: $0, words: written.shards[$0]!.words) }
            }
            return shard(words, prefixLength: 1, entries: written.entries, firstDocs: written.firstDocs)
        }
    }

    /// A terms file made of the words' entries themselves, which it shares rather than copies, and the
    /// services its words put first, as `[position, name, summary, page]` (`shown`).
    private func shardFile(_ shard: Shard, entries: [String: [UInt8]], firstDocs: [String: [Int]], shownEntries: [[UInt8]])
        -> (file: OutputFile, shown: [Int]) {
        let comma = [UInt8(ascii: ",")]
        var json = [[UInt8(ascii: "{")]]
        json.reserveCapacity(2 * shard.words.count + 3)
        for (offset, word) in shard.words.enumerated() {
            if offset > 0 { json.append(comma) }
            json.append(entries[word]!)
        }
        json.append([UInt8(ascii: "}")])
        let words = shard.words.filter { !$0.contains(" ") }
        let shown = Self.shown(words: words.compactMap { firstDocs[$0] }, pairs: shard.words.filter { $0.contains(" ") }.compactMap { firstDocs[$0] },
                               whole: words.filter { $0.unicodeScalars.count < Self.prefixLetters }.compactMap { firstDocs[$0] }).docs
        if !shown.isEmpty {
            json.append([UInt8(ascii: ","), UInt8(ascii: "[")])
            for (offset, doc) in shown.enumerated() {
                if offset > 0 { json.append(comma) }
                json.append(shownEntries[doc])
            }
            json.append([UInt8(ascii: "]")])
        }
        return (script(shardName(shard.prefix), json), shown)
    }

    /// A service as a terms file shows it, `[position, name, summary, page]`: made once a build, as a
    /// service is shown by tens of terms files.
    @Sendable private static func shownEntry(_ doc: Int, _ service: Service) -> [UInt8] {
        JSONValue.array([.int(doc), .string(service.name), .string(service.summary.value), .string(SitePaths.service(service.id))])
            .bytes(pretty: false)
    }

    /// The services a word puts first, best first, as a query of that word alone ranks them: live
    /// before retired, then by the weight of the field it is in (a short name's above a long one's),
    /// then by position — the client's ranking, whatever the term's quality and rarity, which are the
    /// same for every service of one word.
    func firstDocs(_ postings: [UInt32]) -> [Int] {
        var first: [(retired: Bool, weight: Double, doc: Int)] = []
        for packed in postings {
            let doc = Int(packed >> Self.codeBits)
            let candidate = (retired: isRetired[doc], weight: weight(of: packed & (1 << Self.codeBits - 1)), doc: doc)
            let place = first.firstIndex { (candidate.retired ? 1 : 0, -candidate.weight, candidate.doc) < ($0.retired ? 1 : 0, -$0.weight, $0.doc) }
                ?? first.count
            guard place < Self.shownPerWord else { continue }
            first.insert(candidate, at: place)
            if first.count > Self.shownPerWord { first.removeLast() }
        }
        return first.map(\.doc)
    }

    /// A field's weight as the client gives it (search.js, `FIELD_WEIGHT` and `nameWeight`).
    private func weight(of code: Code) -> Double {
        let field = Self.field(of: code)
        guard field == .name else { return [0, 1, 2, 3, 6, 10][Int(field.rawValue)] }
        let (k1, b) = (1.2, 0.75)
        return 10 * (k1 + 1) / (1 + k1 * (1 - b + b * Double(code & 15) / (averageNameWords == 0 ? 1 : averageNameWords)))
    }

    private static func averageNameWords(_ services: [Service]) -> Double {
        guard !services.isEmpty else { return 1 }
        return (Double(services.reduce(0) { $0 + SearchText.words($1.name).count }) / Double(services.count) * 100).rounded() / 100
    }

    /// The services a terms file carries: those each of its words puts first, then those each pair
    /// puts first, as many a word (and fewer a pair) as keep them within `shownLimit`; sorted. The
    /// words of `whole`, which a query looks up only as they are (`prefixLetters`), keep all theirs
    /// when that fits beside the others' (none fewer): such a query's results are the word's own, and
    /// then need no docs file.
    static func shown(words: [[Int]], pairs: [[Int]], whole: [[Int]] = []) -> (docs: [Int], perWord: Int) {
        func first(_ lists: [[Int]], _ count: Int) -> Set<Int> { Set(lists.flatMap { $0.prefix(count) }) }
        let counts = [shownPerWord, 5, 3, 2, 1]
        guard let perWord = counts.first(where: { first(words, $0).count <= shownLimit }) else { return ([], 0) }
        let ofWords = first(words, perWord)
        let perPair = counts.first { $0 <= min(shownPerWord / 2, perWord) && ofWords.union(first(pairs, $0)).count <= shownLimit } ?? 0
        let shown = ofWords.union(first(pairs, perPair)), withWhole = shown.union(first(whole, shownPerWord))
        return ((withWhole.count <= shownLimit ? withWhole : shown).sorted(), perWord)
    }

    /// The keys of the words files a word is in: its first two letters, and the two it would start with
    /// without its first letter or without its second. A term finds a word with a typo in its first
    /// two letters through one of its own three keys: `oassword` → `as` ← `password`. Pairs are not in
    /// them; one-letter words neither (a one-letter term is looked up as it is).
    static func vocabularyKeys(of word: String) -> [String] {
        let letters = Array(word.unicodeScalars)
        guard letters.count >= 2, !letters.contains(" ") else { return [] }
        func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> String { String(keyLetter(a)) + String(keyLetter(b)) }
        var keys = [key(letters[0], letters[1])]
        if letters.count >= 3 { keys += [key(letters[1], letters[2]), key(letters[0], letters[2])] }
        return Array(Set(keys)).sorted()
    }

    /// A letter of a file's key: a-z and 0-9 as they are, `_` for any other character.
    private static func keyLetter(_ c: Unicode.Scalar) -> Character {
        c.isASCII && (("a"..."z").contains(c) || ("0"..."9").contains(c)) ? Character(c) : "_"
    }

    /// Each words file's words, by key.
    private static func vocabulary(of words: [String]) -> [String: [String]] {
        var vocabulary: [String: [String]] = [:]
        for word in words {  // sorted, so each list is too
            for key in vocabularyKeys(of: word) { vocabulary[key, default: []].append(word) }
        }
        return vocabulary
    }

    private func wordsFile(_ key: String, _ words: [String]) -> OutputFile {
        script("words-\(key)", [JSONValue.array(words.map(JSONValue.string)).bytes(pretty: false)])
    }

    private func manifestFile(shards: [String], vocabulary: [String]) -> OutputFile {
        script("index", [manifest(index.catalogue.services, shards: shards, vocabulary: vocabulary).bytes(pretty: false)])
    }

    /// Names, summaries and pages of the services of one chunk.
    private func docsFile(chunk: Int) -> OutputFile {
        let services = index.catalogue.services
        let start = chunk * Self.chunkSize
        let docs = JSONValue.array(services[start..<min(services.count, start + Self.chunkSize)].map { service in
            .array([.string(service.name), .string(service.summary.value), .string(SitePaths.service(service.id))])
        })
        return script("docs-\(chunk)", [docs.bytes(pretty: false)])
    }

    /// Moves the words of every lane into `gathered`.
    private func join() {
        gathered.withLock { gathered in
            for lane in lanes {
                let taken = lane.words.withLock { words -> LaneWords in
                    defer { words = LaneWords(stems: words.stems) }
                    return words
                }
                let postings = taken.postings()
                guard !gathered.words.isEmpty else {
                    gathered = postings
                    continue
                }
                for (word, list) in postings.words {
                    gathered.words[word, default: []] += list
                }
            }
        }
    }

    /// For each word, the services it is found in (by position in the id-sorted list) and its best code
    /// there. Words found only in the descriptions of most services tell them apart from nothing, and
    /// are left out.
    /// Each list is sorted by position, packed as `doc << codeBits | code`.
    func postings() -> [String: [UInt32]] {
        let gathered = self.gathered.withLock { $0 }
        let words = Array(gathered.words.keys)
        // Sorting every word's list is the costly part: it runs on every core.
        var postings: [String: [UInt32]] = [:]
        postings.reserveCapacity(words.count)
        for (word, kept) in zip(words, words.concurrentMap { kept($0, in: gathered) }) where kept != nil {
            postings[word] = kept
        }
        return postings
    }

    /// A word's list as the index shows it, sorted, each service once with its best code; nil when
    /// nothing of it is kept.
    private func kept(_ word: String, in gathered: Postings) -> [UInt32]? {
        guard let list = gathered.words[word] else { return nil }
        var sorted: [UInt32] = []
        sorted.reserveCapacity(list.count)
        // Sorted by service, then code: the last of a service's postings is its best.
        for posting in list.sorted() {
            if let last = sorted.last, last >> Self.codeBits == posting >> Self.codeBits {
                sorted[sorted.count - 1] = posting
            } else {
                sorted.append(posting)
            }
        }
        let commonLimit = max(20, Int(Double(index.catalogue.services.count) * Self.commonBodyShare))
        let isBody = { (posting: UInt32) in Self.field(of: posting & (1 << Self.codeBits - 1)) == .body }
        let kept = sorted.count { isBody($0) } > commonLimit ? sorted.filter { !isBody($0) } : sorted
        return kept.isEmpty ? nil : kept
    }

    /// Every key of a service (stems, and pairs of stems side by side in its name or a keyword) with the
    /// code of the best field it is found in.
    func keys(of service: Service, description: String) -> [String: Code] {
        var stems = StemCache(stemmer: stemmer)
        return Dictionary(keys(of: service, description: description, stems: &stems), uniquingKeysWith: max)
    }

    /// The same, as a list in the order the keys are first found, each once.
    private func keys(of service: Service, description: String, stems: inout StemCache) -> [(key: String, code: Code)] {
        let found = serviceWords(service, description: description, stems: &stems)
        var order: [String] = []
        var codes: [String: Code] = [:]
        func add(_ key: String, _ code: Code) {
            if let known = codes[key] {
                if code > known { codes[key] = code }
            } else {
                codes[key] = code
                order.append(key)
            }
        }
        for (word, field) in found.words { add(stems.key(word), found.code(field)) }
        for (key, code) in found.pairs { add(key, code) }
        if !synonyms.isEmpty { addSynonyms(to: &codes, order: &order) }
        return order.map { ($0, codes[$0]!) }
    }

    /// What a service gives the index: its words with the best field each is found in (not yet stemmed),
    /// and the pairs of stems side by side in its name and keywords.
    private struct ServiceWords {
        var words: [(word: String, field: Field)]
        var nameCode: Code
        var pairs: [(key: String, code: Code)]

        func code(_ field: Field) -> Code { field == .name ? nameCode : SearchIndex.code(field) }
    }

    /// The words of a service's id that its name does not begin: an id finds its service (`vpn`,
    /// `srv03047`), but the piece of a name word that an id made from the name cuts short
    /// (`…-discretionary-immig-srv03047`) would answer a mistyped word as typed (`immigation` stems to
    /// `immig`) and keep the words a typo away from being looked for.
    static func idWords(_ service: Service) -> String {
        let nameWords = SearchText.words(service.name)
        return SearchText.words(service.id).filter { part in !nameWords.contains { $0.hasPrefix(part) } }.joined(separator: " ")
    }

    private func serviceWords(_ service: Service, description: String, stems: inout StemCache) -> ServiceWords {
        // A description has a new word every 8 to 14 bytes: room for them at once, not by doubling.
        var words = DistinctWords(capacity: 32 + description.utf8.count / 8, keepingAccents: stemmer.readsAccents)
        // Fields come in order of rising weight, so a word keeps the last (best) one it is found in.
        words.add(description, .body)
        for text in [index.categoriesByID[service.category.value]?.name, index.teamsByID[service.owner.value]?.name].compactMap({ $0 })
            + service.audience { words.add(text, .context) }
        words.add(service.summary.value, .summary)
        for keyword in service.keywords { words.add(keyword, .keyword) }
        words.add(service.name, .name)
        words.add(Self.idWords(service), .name)
        let name = stems.keys(inOrder: service.name)
        let nameCode = Self.code(.name, nameWords: Set(name).count)
        // Words side by side or one apart, in order, count more: "renew passport" finds "Renew your
        // passport" above a page that has both words far apart.
        var pairs: [(key: String, code: Code)] = []
        for (phrase, code) in [(name, nameCode)] + service.keywords.map({ (stems.keys(inOrder: $0), Self.code(.keyword)) }) {
            for (first, second) in Array(zip(phrase, phrase.dropFirst())) + zip(phrase, phrase.dropFirst(2)) where first != second {
                pairs.append((first + " " + second, code))
            }
        }
        return ServiceWords(words: words.all, nameCode: nameCode, pairs: pairs)
    }

    /// Files a service under the keys of each synonym of a word or phrase it has, at the code of the
    /// field it has it in: a service that says "social insurance number" is found by "sin".
    private func addSynonyms(to codes: inout [String: Code], order: inout [String]) {
        for group in synonyms {
            // A phrase counts at its weakest word's code; the group at its best member's.
            let best = group.compactMap { member -> Code? in
                let memberCodes = member.compactMap { codes[$0] }
                return memberCodes.count == member.count ? memberCodes.min() : nil
            }.max()
            guard let best else { continue }
            for word in group.joined() where (codes[word] ?? 0) < best {
                if codes[word] == nil { order.append(word) }
                codes[word] = best
            }
        }
    }

    private struct Shard {
        let prefix: String
        let words: [String]
    }

    /// Groups words by prefix, splitting a group by a longer prefix while its JSON is too large, or
    /// (once split by first letter) while it has too many words to carry the first few services of each.
    private func shard(_ words: [String], prefixLength: Int, entries: [String: [UInt8]], firstDocs: [String: [Int]]) -> [Shard] {
        let groups = Dictionary(grouping: words) { shardKey($0, length: prefixLength) }
        let split = { @Sendable (key: String) -> [Shard] in
            let members = groups[key]!
            let size = Self.size(of: members, entries)
            let splittable = members.contains { $0.unicodeScalars.count > prefixLength } && prefixLength < Self.longestPrefix
            guard splittable, size > Self.shardLimit || (prefixLength > 0 && !Self.showsEnough(of: members, firstDocs)) else {
                return [Shard(prefix: key, words: members)]
            }
            // Words no longer than the prefix stay in a shard named by the prefix itself, and so do the
            // smallest groups of a letter more while they fit: a term of the prefix's letters loads every
            // shard it begins, and a file costs a page more than its bytes (docs/search.md).
            var kept = members.filter { $0.unicodeScalars.count <= prefixLength }
            let long = members.filter { $0.unicodeScalars.count > prefixLength }
            let children = self.shard(long, prefixLength: prefixLength + 1, entries: entries, firstDocs: firstDocs)
            guard prefixLength >= Self.mergedFrom else { return (kept.isEmpty ? [] : [Shard(prefix: key, words: kept)]) + children }
            var shards: [Shard] = []
            for (child, _) in children.map({ ($0, Self.size(of: $0.words, entries)) }).sorted(by: { $0.1 < $1.1 }) {
                let merged = kept + child.words
                let fits = child.prefix.unicodeScalars.count == prefixLength + 1 && Self.size(of: merged, entries) <= Self.shardLimit / 2
                    && Self.showsEnough(of: merged, firstDocs)
                if fits { kept = merged } else { shards.append(child) }
            }
            let parent = kept.isEmpty ? [] : [Shard(prefix: key, words: kept.sorted())]
            return parent + shards.sorted { $0.prefix < $1.prefix }
        }
        // The first letters' groups are split on every core: the terms files wait for them.
        return (prefixLength == 0 ? groups.keys.sorted().concurrentMap(split) : groups.keys.sorted().map(split)).flatMap { $0 }
    }

    /// Whether a terms file of `words` can carry `shownPerWordAtLeast` services of each of its words.
    private static func showsEnough(of words: [String], _ firstDocs: [String: [Int]]) -> Bool {
        shown(words: words.filter { !$0.contains(" ") }.compactMap { firstDocs[$0] }, pairs: []).perWord >= shownPerWordAtLeast
    }

    /// The bytes of a terms file of `words`, about.
    private static func size(of words: [String], _ entries: [String: [UInt8]]) -> Int {
        words.reduce(1) { $0 + entries[$1]!.count + 1 }
    }

    /// `"word":[doc gap, code, doc gap, code, …]`, one member of a terms file: gaps between ascending
    /// positions keep the numbers short.
    private func entry(_ word: String, _ postings: [UInt32]) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONValue.writeString(word, to: &bytes)
        bytes += ":[".utf8
        var previous: UInt32 = 0
        for (offset, packed) in postings.enumerated() {
            if offset > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += "\((packed >> Self.codeBits) - previous),\(packed & (1 << Self.codeBits - 1))".utf8
            previous = packed >> Self.codeBits
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }

    /// `terms` for the one shard of a small catalogue, `terms-PREFIX` for the others.
    func shardName(_ prefix: String) -> String {
        prefix.isEmpty ? "terms" : "terms-\(prefix)"
    }

    /// The prefix a word is filed under: its first letters of a-z and 0-9, `_` for any other character.
    func shardKey(_ word: String, length: Int) -> String {
        String(word.unicodeScalars.prefix(length).map(Self.keyLetter))
    }

    private func manifest(_ services: [Service], shards: [String], vocabulary: [String]) -> JSONValue {
        let categories = index.catalogue.categories
        let teams = index.catalogue.teams
        let categoryPosition = Dictionary(categories.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let teamPosition = Dictionary(teams.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var facets: [JSONValue] = []
        for service in services {
            facets += [
                .int(categoryPosition[service.category.value] ?? -1),
                .int(Service.Kind.allCases.firstIndex(of: service.kind)!),
                .int(Service.Status.allCases.firstIndex(of: service.status)!),
                .int(teamPosition[service.owner.value] ?? -1),
            ]
        }
        // The services under a notice at build time, as [position, class], so that results say so (in the
        // page's words for the class).
        let states: [JSONValue] = services.enumerated().compactMap { position, service in
            SiteRenderer.stateWord(index.board.states[service.id], wording: .english).map { .array([.int(position), .string($0.kind)]) }
        }
        return .object([
            ("version", .int(2)),
            ("count", .int(services.count)),
            ("chunk", .int(Self.chunkSize)),
            ("stemmer", .string(stemmer.name)),
            ("nameWords", .double(averageNameWords)),
            ("shards", .array(shards.map(JSONValue.string))),
            ("vocabulary", .array(vocabulary.map(JSONValue.string))),
            ("categories", .array(categories.map { .array([.string($0.id), .string($0.name), .int($0.parent.flatMap { categoryPosition[$0.value] } ?? -1)]) })),
            ("teams", .array(teams.map { .array([.string($0.id), .string($0.name)]) })),
            ("types", .array(Service.Kind.allCases.map { .string($0.rawValue) })),
            ("statuses", .array(Service.Status.allCases.map { .string($0.rawValue) })),
            ("facets", .array(facets)),
        ] + (states.isEmpty ? [] : [("states", .array(states))]))
    }

    /// `search/order.js`: each service's place in name order, for a list of every service that passes the
    /// filters (and to sort results that score the same, once loaded). A file of its own: a query does
    /// not need it, and it is a tenth of the first query's bytes at 10,000 services.
    private func orderFile() -> OutputFile {
        let rankByID = Dictionary(index.servicesByName.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return script("order", [JSONValue.array(index.catalogue.services.map { .int(rankByID[$0.id] ?? 0) }).bytes(pretty: false)])
    }

    /// `search/NAME.js`, a script that hands its data to the search client; JSON's escaping keeps
    /// `</script>` out of it. The data is JSON in a string, read by `JSON.parse`: a browser reads a
    /// large file of it faster than the same data written as code (a millisecond or more for each
    /// terms file a keystroke waits for). The JSON comes in parts, kept as they are where nothing in
    /// them needs escaping in a string.
    private func script(_ name: String, _ json: [[UInt8]]) -> OutputFile {
        OutputFile(path: "search/\(name).js", parts: [Array("OneDoorSearch.receive(\"\(name)\",...JSON.parse('[".utf8)]
            + json.map(Self.quoted) + [Array("]'));\n".utf8)])
    }

    /// JSON made the text of a JavaScript string between single quotes.
    static func quoted(_ json: [UInt8]) -> [UInt8] {
        let needsEscape = { (byte: UInt8) in byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "'") || byte == 0x0A || byte == 0x0D }
        guard json.contains(where: needsEscape) else { return json }
        var quoted: [UInt8] = []
        quoted.reserveCapacity(json.count + 64)
        for byte in json {
            switch byte {
            case 0x0A: quoted.append("\\n")
            case 0x0D: quoted.append("\\r")
            case UInt8(ascii: "\\"), UInt8(ascii: "'"): quoted += [UInt8(ascii: "\\"), byte]
            default: quoted.append(byte)
            }
        }
        return quoted
    }
}

/// A stemmer with the stems it has already worked out: a catalogue has a few tens of thousands of
/// distinct words, met again in service after service.
struct StemCache: Sendable {
    let stemmer: Stemmer
    private var known: [String: String] = [:]

    init(stemmer: Stemmer) {
        self.stemmer = stemmer
    }

    /// The key of a word as `DistinctWords` gives it.
    mutating func key(_ word: String) -> String {
        if let stem = known[word] { return stem }
        let stem = stemmer.key(word)
        known[word] = stem
        return stem
    }

    /// The keys of a text's words, in order.
    mutating func keys(inOrder text: String) -> [String] {
        SearchText.words(text, keepingAccents: stemmer.readsAccents).map { key($0) }
    }
}

extension Mutex where Value: Sendable {
    /// The value, with `replacement` left in its place: taken out rather than copied, so that changing
    /// it does not copy its storage.
    fileprivate func take(leaving replacement: Value) -> Value {
        withLock { value in
            defer { value = replacement }
            return value
        }
    }
}

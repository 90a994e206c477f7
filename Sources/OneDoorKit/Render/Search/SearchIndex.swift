internal import Synchronization

/// The search index, built at build time and loaded by the browser with `<script>` elements, which work
/// from `file://` where `fetch` does not. It is split so that a query loads only what it needs:
///
/// - `search/index.js`: the filters' names and each service's category, type, status and team;
/// - `search/terms-P.js`: the words that start with the prefix `P` (`search/terms.js` when one file holds all), each with the services it is found
///   in and a weight for the field (name above keywords, above summary, above the rest, above body);
/// - `search/docs-N.js`: names, summaries and pages of services, `chunkSize` at a time, for the results shown.
///
/// The index gathers words while the service pages render, each page handing over the words of its
/// service (`add`), so that no description is rendered twice or kept after its page is written.
final class SearchIndex: Sendable {
    /// How much a word counts by the field it is found in.
    enum Weight: Int {
        case body = 1, context = 2, summary = 3, keyword = 6, name = 10
    }

    static let chunkSize = 50
    /// A term shard larger than this (in bytes) is split by a longer prefix.
    static let shardLimit = 40_000
    /// A word found only in the bodies of more than this share of services tells them apart from nothing.
    static let commonBodyShare = 0.25

    let index: SiteIndex
    /// The words each worker of the render gathered, on its own: the workers share no lock and no
    /// memory while they add, and `files()` joins their words.
    private let lanes: [Lane]
    /// All the words, once joined.
    private let gathered: Mutex<Postings>
    /// What the last `files()` wrote, kept when the index is to be updated (by `onedoor serve`).
    private let written: Mutex<Written?>
    private let keepsWritten: Bool

    /// Each word with the services it is found in, as `doc << 4 | weight`, in the order they arrived.
    private struct Postings {
        var words: [String: Word] = [:]

        /// One dictionary entry per word, so that adding a word looks it up once.
        struct Word {
            var list: [UInt32] = []
            /// How many services have the word in their description only.
            var bodyOnly = 0

            mutating func join(_ other: Word) {
                list += other.list
                bodyOnly += other.bodyOnly
            }

            mutating func add(doc: Int, weight: Weight) {
                list.append(UInt32(doc) << 4 | UInt32(weight.rawValue))
                if weight == .body { bodyOnly += 1 }
            }
        }
    }

    /// One worker's words, kept in the order they came: each word once in `ids`, and each posting
    /// appended to the end of `log`, so that adding touches the dictionary and no per-word list (a
    /// hundred thousand lists, written in turn, do not stay in the processor's caches).
    private struct LaneWords {
        var ids: [String: UInt32] = [:]
        var words: [String] = []
        /// Each posting as `word id << 4 | weight`, a service's postings one after the other: four bytes
        /// a posting, where a service's position beside each would take eight.
        var log: [UInt32] = []
        /// Each service whose postings are in `log`, with where they end there.
        var docs: [(doc: UInt32, end: Int)] = []

        /// Adds the words of the service at position `doc`.
        mutating func add(_ found: [(word: String, weight: Weight)], doc: Int) {
            for (word, weight) in found {
                let id: UInt32
                if let known = ids[word] {
                    id = known
                } else {
                    id = UInt32(words.count)
                    ids[word] = id
                    words.append(word)
                }
                log.append(id << 4 | UInt32(weight.rawValue))
            }
            docs.append((UInt32(doc), log.count))
        }

        /// The postings grouped by word, each list in the order its postings came.
        consuming func postings() -> Postings {
            // A counting sort by word: where each word's list starts, then each posting into its place.
            var starts = [Int](repeating: 0, count: words.count + 1)
            for posting in log { starts[Int(posting >> 4) + 1] += 1 }
            for id in words.indices { starts[id + 1] += starts[id] }
            var next = starts
            var sorted = [UInt32](repeating: 0, count: log.count)
            var start = 0
            for (doc, end) in docs {
                for posting in log[start..<end] {
                    let id = Int(posting >> 4)
                    sorted[next[id]] = doc << 4 | posting & 0xF
                    next[id] += 1
                }
                start = end
            }
            (log, docs) = ([], [])  // freed before the lists are made
            var postings = Postings()
            postings.words.reserveCapacity(words.count)
            for (id, word) in words.enumerated() {
                let list = Array(sorted[starts[id]..<starts[id + 1]])
                postings.words[word] = Postings.Word(list: list, bodyOnly: list.count { $0 & 0xF == UInt32(Weight.body.rawValue) })
            }
            return postings
        }
    }

    private final class Lane: Sendable {
        let words = Mutex(LaneWords())
    }

    /// The terms files as last written: every word's entry, and the shards.
    private struct Written {
        var entries: [String: [UInt8]]
        var shards: [String: (words: [String], file: OutputFile)]
        /// The words, sorted, grouped by their first letter as shards name it.
        var wordsByKey: [String: [String]]
    }

    /// The catalogue's synonyms, each member as the words the index files it under.
    private let synonyms: [[[String]]]

    /// An empty index; `keepingFiles` keeps what `files()` writes, for `update`.
    init(index: SiteIndex, keepingFiles: Bool = false) {
        self.index = index
        synonyms = Self.synonymWords(index.catalogue.settings.synonyms)
        lanes = (0..<Workers.count).map { _ in Lane() }
        gathered = Mutex(Postings())
        written = Mutex(nil)
        keepsWritten = keepingFiles
    }

    /// Takes over the words and files of `previous` (which is left empty), for a catalogue in which
    /// services have been edited (the same ids in the same order, with the same categories, teams and
    /// support models): `update` then brings it up to date. Nothing is copied.
    init(index: SiteIndex, continuing previous: SearchIndex) {
        self.index = index
        synonyms = previous.synonyms
        lanes = []
        gathered = Mutex(previous.gathered.take(leaving: Postings()))
        written = Mutex(previous.written.take(leaving: nil))
        keepsWritten = true
    }

    /// Adds the words of the service at position `doc` of the id-sorted list; `description` is its
    /// Markdown description as plain text. Safe to call from any thread; `worker` (below
    /// `Workers.count`) says whose words they join, so that workers do not wait for each other.
    func add(_ service: Service, doc: Int, description: String, worker: Int) {
        let words = distinctWords(of: service, description: description)
        lanes[worker].words.withLock { $0.add(words, doc: doc) }
    }

    /// Every file of the index, under `search/`, once every service has been added.
    func files() -> [OutputFile] {
        join()
        let services = index.catalogue.services
        let (words, entries) = { () -> ([String], [String: [UInt8]]) in
            let postings = self.postings()
            // A build does not update the index: the words it gathered go as soon as they are kept.
            if !keepsWritten { gathered.withLock { $0 = Postings() } }
            let words = postings.keys.sorted()
            return (words, Dictionary(uniqueKeysWithValues: zip(words, words.concurrentMap { entry($0, postings[$0]!) })))
        }()
        let shards = shard(words, prefixLength: 0, entries: entries)
        let shardFiles = shards.map { shardFile($0, entries: entries) }
        if keepsWritten {
            written.withLock { written in
                written = Written(entries: entries, shards: Dictionary(uniqueKeysWithValues: zip(shards, shardFiles).map {
                    ($0.prefix, (words: $0.words, file: $1))
                }), wordsByKey: Dictionary(grouping: words) { shardKey($0, length: 1) })
            }
        }
        return [manifestFile(shards: shards.map(\.prefix))] + shardFiles
            + stride(from: 0, to: services.count, by: Self.chunkSize).map { docsFile(chunk: $0 / Self.chunkSize) }
    }

    /// Brings the index up to date after the service at position `doc` was edited from `old` to `new`
    /// (`files()` or `update` must have run before). Returns the files that changed, and the paths of
    /// terms files that are no longer part of the index; the result is what `files()` would give.
    func update(doc: Int, old: (service: Service, description: String), new: (service: Service, description: String))
        -> (changed: [OutputFile], removed: [String]) {
        // Only words whose weight changed, or that came or went, change the index.
        var before = words(of: old.service, description: old.description)
        var after = words(of: new.service, description: new.description)
        for (word, weight) in after where before[word] == weight {
            before[word] = nil
            after[word] = nil
        }
        let lists = gathered.withLock { postings -> [String: [UInt32]] in
            for (word, weight) in before {
                postings.words[word]?.list.removeAll { $0 >> 4 == UInt32(doc) }
                if weight == .body { postings.words[word]?.bodyOnly -= 1 }
                if postings.words[word]?.list.isEmpty == true { postings.words[word] = nil }
            }
            for (word, weight) in after {
                postings.words[word, default: Postings.Word()].add(doc: doc, weight: weight)
            }
            let dirty = Set(before.keys).union(after.keys)
            return Dictionary(uniqueKeysWithValues: dirty.map { ($0, kept($0, in: postings) ?? []) })
        }
        // Taken out of the lock while it changes, so that it is not copied.
        guard var last = written.take(leaving: nil) else { return (files(), []) }
        for (word, list) in lists {
            let key = shardKey(word, length: 1)
            let existed = last.entries[word] != nil
            last.entries[word] = list.isEmpty ? nil : entry(word, list)
            if list.isEmpty, existed {
                last.wordsByKey[key]?.removeAll { $0 == word }
            } else if !list.isEmpty, !existed {
                last.wordsByKey[key, default: []].append(word)
                last.wordsByKey[key]?.sort()
            }
        }
        let shards = reshard(last, dirtyKeys: Set(lists.keys.map { shardKey($0, length: 1) }))
        var changed = [docsFile(chunk: doc / Self.chunkSize)]
        // The manifest holds the shards' names and each service's filters and place in name order.
        let (a, b) = (old.service, new.service)
        if Set(shards.map(\.prefix)) != Set(last.shards.keys) || a.name != b.name || a.category.value != b.category.value
            || a.kind != b.kind || a.status != b.status || a.owner.value != b.owner.value {
            changed.append(manifestFile(shards: shards.map(\.prefix)))
        }
        var next: [String: (words: [String], file: OutputFile)] = [:]
        for shard in shards {
            if let previous = last.shards[shard.prefix], previous.words == shard.words, !shard.words.contains(where: { lists[$0] != nil }) {
                next[shard.prefix] = previous
            } else {
                let file = shardFile(shard, entries: last.entries)
                next[shard.prefix] = (shard.words, file)
                changed.append(file)
            }
        }
        let removed = last.shards.keys.filter { next[$0] == nil }.map { "search/\(shardName($0)).js" }
        last.shards = next
        written.withLock { $0 = last }
        return (changed, removed)
    }

    /// The shards `shard(words, prefixLength: 0, …)` gives, worked out again only for the first letters
    /// in `dirtyKeys` when the index is split by first letter (as any large one is).
    private func reshard(_ written: Written, dirtyKeys: Set<String>) -> [Shard] {
        let size = written.entries.values.reduce(1) { $0 + $1.count + 1 }
        guard size > Self.shardLimit, written.shards[""] == nil else {
            return shard(written.entries.keys.sorted(), prefixLength: 0, entries: written.entries)
        }
        let previous = Dictionary(grouping: written.shards.keys.sorted()) { String($0.prefix(1)) }
        return written.wordsByKey.keys.sorted().flatMap { key -> [Shard] in
            let words = written.wordsByKey[key]!
            guard !words.isEmpty else { return [] }
            if !dirtyKeys.contains(key), let kept = previous[key] {
                return kept.map { Shard(prefix: $0, words: written.shards[$0]!.words) }
            }
            return shard(words, prefixLength: 1, entries: written.entries)
        }
    }

    /// A terms file made of the words' entries themselves, which it shares rather than copies.
    private func shardFile(_ shard: Shard, entries: [String: [UInt8]]) -> OutputFile {
        let comma = [UInt8(ascii: ",")]
        var json = [[UInt8(ascii: "{")]]
        json.reserveCapacity(2 * shard.words.count + 1)
        for (offset, word) in shard.words.enumerated() {
            if offset > 0 { json.append(comma) }
            json.append(entries[word]!)
        }
        json.append([UInt8(ascii: "}")])
        return script(shardName(shard.prefix), json)
    }

    private func manifestFile(shards: [String]) -> OutputFile {
        script("index", [manifest(index.catalogue.services, shards: shards).bytes(pretty: false)])
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
                let postings = lane.words.take(leaving: LaneWords()).postings()
                guard !gathered.words.isEmpty else {
                    gathered = postings
                    continue
                }
                for (word, entry) in postings.words {
                    gathered.words[word, default: Postings.Word()].join(entry)
                }
            }
        }
    }

    /// For each word, the services it is found in (by position in the id-sorted list) and its best weight
    /// there. Words found only in the descriptions of most services tell them apart from nothing, and
    /// are left out.
    /// Each list is sorted by position, packed as `doc << 4 | weight`.
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

    /// A word's list as the index shows it, sorted; nil when nothing of it is kept.
    private func kept(_ word: String, in gathered: Postings) -> [UInt32]? {
        guard let entry = gathered.words[word] else { return nil }
        let commonLimit = max(20, Int(Double(index.catalogue.services.count) * Self.commonBodyShare))
        let common = entry.bodyOnly > commonLimit
        let list = entry.list
        let kept = common ? list.filter { $0 & 0xF != UInt32(Weight.body.rawValue) } : list
        return kept.isEmpty ? nil : kept.sorted()
    }

    /// Every word of a service with the weight of the best field it is found in.
    func words(of service: Service, description: String) -> [String: Weight] {
        Dictionary(distinctWords(of: service, description: description), uniquingKeysWith: { _, last in last })
    }

    /// The same, as a list in the order the words are first found.
    private func distinctWords(of service: Service, description: String) -> [(word: String, weight: Weight)] {
        // A description has a new word every 8 to 14 bytes: room for them at once, not by doubling.
        var words = DistinctWords(capacity: 32 + description.utf8.count / 8)
        // Fields come in order of rising weight, so a word keeps the last (best) one it is found in.
        words.add(description, .body)
        for text in [index.categoriesByID[service.category.value]?.name, index.teamsByID[service.owner.value]?.name].compactMap({ $0 })
            + service.audience { words.add(text, .context) }
        words.add(service.summary.value, .summary)
        for keyword in service.keywords { words.add(keyword, .keyword) }
        words.add(service.name, .name)
        words.add(service.id.replacing("-", with: " "), .name)
        return synonyms.isEmpty ? words.all : withSynonyms(words.all)
    }

    /// `found` with the words of each synonym of a word or phrase the service has, at the weight of
    /// the field it has it in: a service that says "social insurance number" is found by "sin".
    private func withSynonyms(_ found: [(word: String, weight: Weight)]) -> [(word: String, weight: Weight)] {
        var order = found.map(\.word)
        var weights = Dictionary(found.map { ($0.word, $0.weight) }, uniquingKeysWith: { $1 })
        for group in synonyms {
            // A phrase counts at the weight of its weakest word; the group at its best member's.
            let best = group.compactMap { member -> Weight? in
                let memberWeights = member.compactMap { weights[$0] }
                return memberWeights.count == member.count ? memberWeights.min { $0.rawValue < $1.rawValue } : nil
            }.max { $0.rawValue < $1.rawValue }
            guard let best else { continue }
            for word in group.joined() where (weights[word]?.rawValue ?? 0) < best.rawValue {
                if weights[word] == nil { order.append(word) }
                weights[word] = best
            }
        }
        return order.map { ($0, weights[$0]!) }
    }

    /// Synonyms as the index's words: folded and split as the index folds and splits a service's text.
    private static func synonymWords(_ groups: [[String]]) -> [[[String]]] {
        groups.map { group in
            group.map { member in
                var words = DistinctWords(capacity: 8)
                words.add(member, .body)
                return words.all.map(\.word)
            }.filter { !$0.isEmpty }
        }
    }

    private struct Shard {
        let prefix: String
        let words: [String]
    }

    /// Groups words by prefix, splitting a group by a longer prefix while its JSON is too large.
    private func shard(_ words: [String], prefixLength: Int, entries: [String: [UInt8]]) -> [Shard] {
        let groups = Dictionary(grouping: words) { shardKey($0, length: prefixLength) }
        return groups.keys.sorted().flatMap { key -> [Shard] in
            let members = groups[key]!
            let size = members.reduce(1) { $0 + entries[$1]!.count + 1 }
            let splittable = members.contains { $0.count > prefixLength } && prefixLength < 4
            guard size > Self.shardLimit, splittable else { return [Shard(prefix: key, words: members)] }
            // Words no longer than the prefix stay in a shard of their own, named by the prefix itself.
            let short = members.filter { $0.count <= prefixLength }
            let long = members.filter { $0.count > prefixLength }
            let shortShard = short.isEmpty ? [] : [Shard(prefix: key, words: short)]
            return shortShard + shard(long, prefixLength: prefixLength + 1, entries: entries)
        }
    }

    /// `"word":[…]`, one member of a terms file.
    /// `"word":[doc gap, weight, doc gap, weight, …]`, one member of a terms file: gaps between
    /// ascending positions keep the numbers short.
    private func entry(_ word: String, _ postings: [UInt32]) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONValue.writeString(word, to: &bytes)
        bytes += ":[".utf8
        var previous: UInt32 = 0
        for (offset, packed) in postings.enumerated() {
            if offset > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += "\((packed >> 4) - previous),\(packed & 0xF)".utf8
            previous = packed >> 4
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
        // Most words are plain ASCII: their first bytes are their first letters. (A byte after them that
        // is not ASCII could join the last one into a larger character, so that case takes the long way.)
        let bytes = word.utf8.prefix(length + 1)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: bytes.prefix(length).map { byte in
                (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) ? byte : UInt8(ascii: "_")
            }, as: UTF8.self)
        }
        return String(word.prefix(length).map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }

    private func manifest(_ services: [Service], shards: [String]) -> JSONValue {
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
        let rankByID = Dictionary(index.servicesByName.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // The services under a notice at build time, as [position, class], so that results say so (in the
        // page's words for the class).
        let states: [JSONValue] = services.enumerated().compactMap { position, service in
            SiteRenderer.stateWord(index.board.states[service.id], wording: .english).map { .array([.int(position), .string($0.kind)]) }
        }
        return .object([
            ("version", .int(1)),
            ("count", .int(services.count)),
            ("chunk", .int(Self.chunkSize)),
            ("shards", .array(shards.map(JSONValue.string))),
            ("categories", .array(categories.map { .array([.string($0.id), .string($0.name), .int($0.parent.flatMap { categoryPosition[$0.value] } ?? -1)]) })),
            ("teams", .array(teams.map { .array([.string($0.id), .string($0.name)]) })),
            ("types", .array(Service.Kind.allCases.map { .string($0.rawValue) })),
            ("statuses", .array(Service.Status.allCases.map { .string($0.rawValue) })),
            ("facets", .array(facets)),
            // Each service's place in name order, to sort results that score the same.
            ("order", .array(services.map { .int(rankByID[$0.id] ?? 0) })),
        ] + (states.isEmpty ? [] : [("states", .array(states))]))
    }

    /// `search/NAME.js`, a script that hands its data to the search client; JSON's escaping keeps
    /// `</script>` out of it. The JSON comes in parts, kept as they are.
    private func script(_ name: String, _ json: [[UInt8]]) -> OutputFile {
        OutputFile(path: "search/\(name).js", parts: [Array("OneDoorSearch.receive(\"\(name)\",".utf8)] + json + [Array(");\n".utf8)])
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

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
    enum Weight: Int, Comparable {
        case body = 1, context = 2, summary = 3, keyword = 6, name = 10

        static func < (lhs: Weight, rhs: Weight) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    static let chunkSize = 50
    /// A term shard larger than this (in bytes) is split by a longer prefix.
    static let shardLimit = 40_000
    /// A word found only in the bodies of more than this share of services tells them apart from nothing.
    static let commonBodyShare = 0.25

    let index: SiteIndex
    private let gathered = Mutex(Postings())

    /// Each word with the services it is found in, as `doc << 4 | weight`, in the order they arrived.
    private struct Postings {
        var lists: [String: [UInt32]] = [:]
        /// For each word, how many services have it in their description only.
        var bodyOnly: [String: Int] = [:]
    }

    init(index: SiteIndex) {
        self.index = index
    }

    /// Adds the words of the service at position `doc` of the id-sorted list; `description` is its
    /// Markdown description as plain text. Safe to call from any thread.
    func add(_ service: Service, doc: Int, description: String) {
        let words = words(of: service, description: description)
        gathered.withLock { postings in
            for (word, weight) in words {
                postings.lists[word, default: []].append(UInt32(doc) << 4 | UInt32(weight.rawValue))
                if weight == .body { postings.bodyOnly[word, default: 0] += 1 }
            }
        }
    }

    /// Every file of the index, under `search/`, once every service has been added.
    func files() -> [OutputFile] {
        let services = index.catalogue.services
        let postings = self.postings()
        let words = postings.keys.sorted()
        let entries = Dictionary(uniqueKeysWithValues: zip(words, words.concurrentMap { entry($0, postings[$0]!) }))
        let shards = shard(words, prefixLength: 0, entries: entries)
        var files = [OutputFile(path: "search/index.js", bytes: script("index", manifest(services, shards: shards.map(\.prefix)).bytes(pretty: false)))]
        files += shards.map { shard in
            var json: [UInt8] = [UInt8(ascii: "{")]
            for (offset, word) in shard.words.enumerated() {
                if offset > 0 { json.append(UInt8(ascii: ",")) }
                json += entries[word]!
            }
            json.append(UInt8(ascii: "}"))
            return OutputFile(path: "search/\(shardName(shard.prefix)).js", bytes: script(shardName(shard.prefix), json))
        }
        for start in stride(from: 0, to: services.count, by: Self.chunkSize) {
            let chunk = services[start..<min(services.count, start + Self.chunkSize)]
            let docs = JSONValue.array(chunk.map { service in
                .array([.string(service.name), .string(service.summary.value), .string(SitePaths.service(service.id))])
            })
            files.append(OutputFile(path: "search/docs-\(start / Self.chunkSize).js", bytes: script("docs-\(start / Self.chunkSize)", docs.bytes(pretty: false))))
        }
        return files
    }

    /// For each word, the services it is found in (by position in the id-sorted list) and its best weight
    /// there. Words found only in the descriptions of most services tell them apart from nothing, and
    /// are left out.
    /// Each list is sorted by position, packed as `doc << 4 | weight`.
    func postings() -> [String: [UInt32]] {
        let gathered = self.gathered.withLock { $0 }
        let commonLimit = max(20, Int(Double(index.catalogue.services.count) * Self.commonBodyShare))
        var postings: [String: [UInt32]] = [:]
        for (word, list) in gathered.lists {
            let common = gathered.bodyOnly[word, default: 0] > commonLimit
            let kept = common ? list.filter { $0 & 0xF != UInt32(Weight.body.rawValue) } : list
            if !kept.isEmpty { postings[word] = kept.sorted() }
        }
        return postings
    }

    /// Every word of a service with the weight of the best field it is found in.
    func words(of service: Service, description: String) -> [String: Weight] {
        var words: [String: Weight] = [:]
        func add(_ text: String, _ weight: Weight) {
            for word in SearchText.words(text) where words[word].map({ $0 < weight }) ?? true { words[word] = weight }
        }
        add(description, .body)
        for text in [index.categoriesByID[service.category.value]?.name, index.teamsByID[service.owner.value]?.name].compactMap({ $0 })
            + service.audience { add(text, .context) }
        add(service.summary.value, .summary)
        for keyword in service.keywords { add(keyword, .keyword) }
        add(service.name, .name)
        add(service.id.replacing("-", with: " "), .name)
        return words
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
        String(word.prefix(length).map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
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
        ])
    }

    /// A script that hands its data to the search client; JSON's escaping keeps `</script>` out of it.
    private func script(_ name: String, _ json: [UInt8]) -> [UInt8] {
        Array("OneDoorSearch.receive(\"\(name)\",".utf8) + json + Array(");\n".utf8)
    }
}

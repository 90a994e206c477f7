/// The search index, built at build time and loaded by the browser with `<script>` elements, which work
/// from `file://` where `fetch` does not. It is split so that a query loads only what it needs:
///
/// - `search/index.js`: the filters' names and each service's category, type, status and team;
/// - `search/terms-P.js`: the words that start with the prefix `P` (`search/terms.js` when one file holds all), each with the services it is found
///   in and a weight for the field (name above keywords, above summary, above the rest, above body);
/// - `search/docs-N.js`: names, summaries and pages of services, `chunkSize` at a time, for the results shown.
struct SearchIndex {
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
    /// The services' rendered descriptions, by id.
    let bodies: [String: Markdown.Rendered]

    /// Every file of the index, under `search/`.
    func files() -> [OutputFile] {
        let services = index.catalogue.services
        let postings = self.postings(services)
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

    /// For each word, the services it is found in (by position in the id-sorted list) and its best weight there.
    func postings(_ services: [Service]) -> [String: [(doc: Int, weight: Weight)]] {
        let perService = services.concurrentMap { service in words(of: service) }
        var bodyOnly: [String: Int] = [:]
        for words in perService {
            for (word, weight) in words where weight == .body { bodyOnly[word, default: 0] += 1 }
        }
        let commonLimit = max(20, Int(Double(services.count) * Self.commonBodyShare))
        var postings: [String: [(doc: Int, weight: Weight)]] = [:]
        for (doc, words) in perService.enumerated() {
            for (word, weight) in words {
                if weight == .body, bodyOnly[word, default: 0] > commonLimit { continue }
                postings[word, default: []].append((doc, weight))
            }
        }
        return postings
    }

    /// Every word of a service with the weight of the best field it is found in.
    func words(of service: Service) -> [String: Weight] {
        var words: [String: Weight] = [:]
        func add(_ text: String, _ weight: Weight) {
            for word in SearchText.words(text) where words[word].map({ $0 < weight }) ?? true { words[word] = weight }
        }
        add(bodies[service.id]?.plainText ?? "", .body)
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
    private func entry(_ word: String, _ postings: [(doc: Int, weight: Weight)]) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONValue.writeString(word, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        return bytes + encode(postings).bytes(pretty: false)
    }

    /// `terms` for the one shard of a small catalogue, `terms-PREFIX` for the others.
    func shardName(_ prefix: String) -> String {
        prefix.isEmpty ? "terms" : "terms-\(prefix)"
    }

    /// The prefix a word is filed under: its first letters of a-z and 0-9, `_` for any other character.
    func shardKey(_ word: String, length: Int) -> String {
        String(word.prefix(length).map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }

    /// `[doc gap, weight, doc gap, weight, …]`: gaps between ascending positions keep the numbers short.
    private func encode(_ postings: [(doc: Int, weight: Weight)]) -> JSONValue {
        var previous = 0
        var numbers: [JSONValue] = []
        for posting in postings {
            numbers.append(.int(posting.doc - previous))
            numbers.append(.int(posting.weight.rawValue))
            previous = posting.doc
        }
        return .array(numbers)
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

import Foundation
@testable import OneDoorKit
import Testing

@Suite struct SearchIndexTests {
    @Test func wordsAreFoldedLikeTheBrowserFoldsThem() {
        #expect(SearchText.words("Wi-Fi & Café, SharePoint 365") == ["wi", "fi", "cafe", "sharepoint", "365"])
        #expect(SearchText.words("ÉDUCATION Über") == ["education", "uber"])
        #expect(SearchText.words("Queen's Printer") == ["queen", "s", "printer"])
    }

    @Test func aWordCountsForTheBestFieldItIsFoundIn() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/desk/laptops.md": serviceFile(
                ["name": "Laptops", "summary": "Portable computers for staff.", "keywords": "[notebook, computer]", "audience": "[managers]"],
                body: "Every laptop comes with a bag. Computers are replaced every four years.\n"),
        ])
        defer { fixture.remove() }
        let catalogue = try fixture.load().catalogue
        let siteIndex = SiteIndex(catalogue, now: 0)
        let laptops = catalogue.services.first { $0.id == "laptops" }!
        let description = PageContext(index: siteIndex, pageIDs: [], wording: .english).body(of: laptops).plainText
        let keys = SearchIndex(index: siteIndex).keys(of: laptops, description: description)
        let fields = keys.mapValues(SearchIndex.field(of:))
        #expect(fields["laptop"] == .name)  // "Laptops", by its stem; "laptop" in the body counts less
        #expect(keys["laptop"] == SearchIndex.code(.name, nameWords: 1))
        #expect(fields["notebook"] == .keyword)
        #expect(fields["comput"] == .keyword)  // "computer", and "computers" in the summary: one stem
        #expect(fields["portabl"] == .summary)
        #expect(fields["manag"] == .context)
        #expect(fields["desk"] == .context)  // the category's name
        #expect(fields["bag"] == .body)
    }

    @Test func wordsSideBySideInANameOrKeywordArePairedInOrder() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/desk/renew.md": serviceFile(
                ["name": "Renew your passport", "summary": "Get a new one.", "keywords": "[travel document]"], body: ""),
        ])
        defer { fixture.remove() }
        let catalogue = try fixture.load().catalogue
        let renew = catalogue.services.first { $0.id == "renew" }!
        let keys = SearchIndex(index: SiteIndex(catalogue, now: 0)).keys(of: renew, description: "")
        // Next to each other, and one word apart, so that "renew passport" finds the pair.
        #expect(keys["renew your"] == SearchIndex.code(.name, nameWords: 3))
        #expect(keys["renew passport"] == SearchIndex.code(.name, nameWords: 3))
        #expect(keys["travel document"] == SearchIndex.code(.keyword))
        #expect(keys["passport renew"] == nil)
    }

    @Test func anIdFindsItsServiceButNotByTheNameWordsItCutShort() throws {
        let fixture = try FixtureCatalogue(files: [
            "services/desk/discretionary-immig-srv03047.md": serviceFile(["name": "Discretionary Immigration"], body: ""),
            "services/desk/vpn.md": serviceFile(["name": "Remote Access"], body: ""),
        ])
        defer { fixture.remove() }
        let catalogue = try fixture.load().catalogue
        let search = SearchIndex(index: SiteIndex(catalogue, now: 0))
        let keys = { (id: String) in search.keys(of: catalogue.services.first { $0.id == id }!, description: "") }
        let immigration = keys("discretionary-immig-srv03047")
        #expect(immigration["srv03047"] == SearchIndex.code(.name, nameWords: 2))
        #expect(immigration["immigr"] != nil)
        // `immigation` stems to `immig`: a word of the id would answer it as typed, and hide the typo.
        #expect(immigration["immig"] == nil)
        #expect(keys("vpn")["vpn"] == SearchIndex.code(.name, nameWords: 2))
    }

    @Test func aTypoInTheFirstLettersMeetsAWordThroughOneOfItsKeys() {
        let word = SearchIndex.vocabularyKeys(of: "password")
        #expect(word == ["as", "pa", "ps"])
        for typo in ["oassword", "assword", "ppassword", "apssword", "psasword", "pqssword"] {
            #expect(!Set(SearchIndex.vocabularyKeys(of: typo)).isDisjoint(with: word), "\(typo)")
        }
        #expect(SearchIndex.vocabularyKeys(of: "a").isEmpty)
        #expect(SearchIndex.vocabularyKeys(of: "tax return").isEmpty)
    }

    @Test func theIndexIsScriptsThatWorkFromDisk() throws {
        let files = try renderFixture()
        let manifest = try #require(files["search/index.js"]).text
        #expect(manifest.hasPrefix(#"OneDoorSearch.receive("index",...JSON.parse('[{"version":2,"count":2,"chunk":20,"stemmer":"english","#))
        #expect(files["search/terms.js"]?.text.hasPrefix(#"OneDoorSearch.receive("terms",...JSON.parse('[{"#) == true)
        #expect(files["search/docs-0.js"]?.text.contains(#"["Laptops","A laptop for every member of staff.","services/laptops.html"]"#) == true)
    }

    /// The JSON in a search script's string, as `JSON.parse` reads it: the arguments after the file's name.
    static func payload(_ script: String) throws -> [Any] {
        let start = try #require(script.range(of: "JSON.parse('")), end = try #require(script.range(of: "'));", options: .backwards))
        var json = "", escaped = false
        for character in script[start.upperBound..<end.lowerBound] {
            if escaped {
                json.append(character == "n" ? "\n" : character == "r" ? "\r" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                json.append(character)
            }
        }
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any])
    }

    @Test func quotesAndBackslashesInTheDataAreEscapedForTheStringJSONIsReadFrom() throws {
        let name = #"Ann's \ "Desk" </script>"#
        let files = try renderFixture(files: ["services/desk/laptops.md": """
            ---
            name: '\(name.replacingOccurrences(of: "'", with: "''"))'
            summary: A laptop for every member of staff.
            category: desk
            type: business
            status: live
            owner: desk-team
            support_model: standard
            last_reviewed: 2026-05-01
            ---
            You get a laptop.
            """])
        let docs = try #require(files["search/docs-0.js"]).text
        #expect(!docs.contains("</script>") && docs.contains(#"Ann\'s \\\\ \\"Desk\\""#), "\(docs)")
        let rows = try #require(try Self.payload(docs).first as? [[Any]])
        #expect(rows.contains { $0.first as? String == name }, "\(rows)")
    }

    @Test func postingsListServicesByPositionWithTheirCode() throws {
        let files = try renderFixture()
        let terms = try #require(files["search/terms.js"]).text
        // hosting is service 0 and laptops service 1: "hosting" is hosting's one-word name (5 << 4 | 1)
        // and a link text in laptops' body (1 << 4).
        #expect(terms.contains(#""host":[0,81,1,16]"#), "\(terms)")
    }

    @Test func aTermsFileCarriesTheServicesItsWordsPutFirst() throws {
        let terms = try #require(try renderFixture()["search/terms.js"]).text
        // After the words: each service as [position, name, summary, page], so that results show without a docs file.
        #expect(terms.contains(#"},[[0,"Hosting","#), "\(terms)")
        #expect(terms.contains(#"[1,"Laptops","A laptop for every member of staff.","services/laptops.html"]]]'));"#))
    }

    @Test func aWordPutsFirstLiveServicesByTheWeightOfItsFieldThenByPosition() {
        // Services 0–13: 0 has the word in its body, 1 as its one-word name but is retired, 2 in a name
        // of two words, 3 as its one-word name, 4 as a keyword, 5–13 in names of six words.
        let catalogue = largeCatalogue(statusOf: { $0 == 1 ? .retired : .live })
        let search = SearchIndex(index: SiteIndex(catalogue, now: 0))
        func posting(_ doc: Int, _ field: SearchIndex.Field, nameWords: Int = 0) -> UInt32 {
            UInt32(doc) << SearchIndex.codeBits | SearchIndex.code(field, nameWords: nameWords)
        }
        let postings = [posting(0, .body), posting(1, .name, nameWords: 1), posting(2, .name, nameWords: 2), posting(3, .name, nameWords: 1),
                        posting(4, .keyword)] + (5...13).map { posting($0, .name, nameWords: 6) }
        let first = search.firstDocs(postings)
        #expect(first.count == SearchIndex.shownPerWord)
        #expect(Array(first.prefix(2)) == [3, 2])
        #expect(!first.contains(0) && !first.contains(1), "a body and a retired service come after ten others")
        #expect(search.firstDocs([posting(1, .name, nameWords: 1), posting(0, .body)]) == [0, 1], "live first, whatever the field")
    }

    @Test func aLargeIndexIsSplitSoThatEachTermsFileCarriesTheFirstServicesOfEachOfItsWords() throws {
        // Many short words of one beginning, each in a few services: a file of them all would be small,
        // but could not carry the services each puts first.
        let catalogue = largeCatalogue { "kw\($0 % 400) kx\($0 % 7)" }
        let (search, files) = index(catalogue, keepingFiles: true)
        let postings = search.postings()
        var checked = 0
        for file in files where file.path.hasPrefix("search/terms-") {
            let text = file.text
            let parts = try Self.payload(text)
            let words = try #require(parts[0] as? [String: Any]).keys.filter { !$0.contains(" ") }
            let shown = Set((parts.count > 1 ? parts[1] as? [[Any]] ?? [] : []).compactMap { $0.first as? Int })
            for word in words {
                let first = search.firstDocs(try #require(postings[word]))
                #expect(shown.isSuperset(of: first.prefix(SearchIndex.shownPerWordAtLeast)), "\(file.path): \(word)")
                checked += 1
            }
        }
        #expect(checked > 3000)
    }

    @Test func smallGroupsOfALetterMoreStayInTheirPrefixsFileAndEachWordIsInTheFileOfItsLongestPrefix() throws {
        // "kwa" words are many, split by a fourth letter; the few "kwaq" ones make a small group of it.
        let catalogue = largeCatalogue { "kwa\($0 % 900)" + ($0 % 300 == 0 ? " kwaq\($0 / 300)" : "") }
        let (search, files) = index(catalogue, keepingFiles: true)
        let keys = files.map(\.path).filter { $0.hasPrefix("search/terms-") }.map { String($0.dropFirst("search/terms-".count).dropLast(3)) }
        #expect(keys.contains { $0.hasPrefix("kwa") && $0.count > 3 }, "\(keys.sorted())")
        #expect(!keys.contains { $0.hasPrefix("kwaq") }, "the small group went back into its prefix's file: \(keys.filter { $0.hasPrefix("k") }.sorted())")
        #expect(files.contains { $0.path == "search/terms-kwa.js" && $0.text.contains(#""kwaq1""#) },
                "\(files.filter { $0.text.contains(#""kwaq1""#) }.map(\.path))")
        var checked = 0
        for file in files where file.path.hasPrefix("search/terms-") {
            let key = String(file.path.dropFirst("search/terms-".count).dropLast(3))
            let words = try #require(try Self.payload(file.text).first as? [String: Any]).keys
            for word in words {
                let longest = (0...SearchIndex.longestPrefix).reversed().map { search.shardKey(word, length: $0) }.first(where: keys.contains)
                #expect(longest == key, "\(word) is in terms-\(key), but a query looks for it in terms-\(longest ?? "?")")
                checked += 1
            }
        }
        #expect(checked > 900)
    }

    @Test func aTermsFileCarriesFewerServicesAWordWhenItsWordsAreMany() {
        let words = (0..<(SearchIndex.shownLimit / 10 + 1)).map { word in (0..<10).map { word * 10 + $0 } }
        let shown = SearchIndex.shown(words: words, pairs: [])
        #expect(shown.docs.count <= SearchIndex.shownLimit && shown.perWord == 5)
        #expect(words.allSatisfy { Set(shown.docs).isSuperset(of: $0.prefix(5)) }, "each word's first five, when ten each do not fit")
        let few = SearchIndex.shown(words: [[1, 2, 3]], pairs: [[7, 8, 9, 10, 11, 12, 13]]).docs
        #expect(few == [1, 2, 3, 7, 8, 9, 10, 11], "a pair's first five after its words'")
    }

    @Test func aWordLookedUpOnlyAsItIsKeepsItsTenWhenTheyFitBesideTheOthers() {
        let words = (0..<(SearchIndex.shownLimit / 10 + 1)).map { word in (0..<10).map { word * 10 + $0 } }
        let short = (1000..<1010).map { $0 }
        let shown = SearchIndex.shown(words: words + [short], pairs: [], whole: [short])
        #expect(shown.docs.count <= SearchIndex.shownLimit && shown.perWord == 5)
        #expect(Set(shown.docs).isSuperset(of: short), "a word of two letters keeps its ten: a query of it needs no docs file")
        #expect(words.allSatisfy { Set(shown.docs).isSuperset(of: $0.prefix(5)) })
        let many = (0..<40).map { word in (0..<10).map { 2000 + word * 10 + $0 } }
        let crowded = SearchIndex.shown(words: many, pairs: [], whole: many)
        #expect(crowded.docs == SearchIndex.shown(words: many, pairs: []).docs, "too many short words for ten each: as without them")
        let pairs = (0..<30).map { pair in (0..<5).map { 3000 + pair * 5 + $0 } }
        #expect(Set(SearchIndex.shown(words: words + [short], pairs: pairs, whole: [short]).docs)
                    .isSuperset(of: SearchIndex.shown(words: words + [short], pairs: pairs).docs), "nothing of the others' is given up for them")
    }

    private func largeCatalogue(body: (Int) -> String = { _ in "" }, name: (Int) -> String = { "Service \($0) alpha\($0) beta\($0)" },
                                statusOf: (Int) -> Service.Status = { _ in .live }) -> Catalogue {
        Catalogue(
            settings: CatalogueSettings(title: "T", organisation: "O", baseURL: nil, language: "en", languages: ["en"], timeZone: .utc, contact: nil,
                                        reviewIntervalDays: 365, priorities: [], customers: [], synonyms: [], lead: nil, searchHint: nil, helpDesk: nil, messages: [:]),
            categories: [], teams: [], supportModels: [],
            services: (0..<3000).map { n in
                Service(id: "s\(n)", file: "services/s\(n).md", name: name(n),
                        summary: Located("Summary \(n) gamma\(n).", at: .start(of: "x")), category: Reference("c", at: .start(of: "x")),
                        kind: .business, status: statusOf(n), owner: Reference("t", at: .start(of: "x")),
                        supportModel: Reference("m", at: .start(of: "x")), audience: [], keywords: ["delta\(n)"], requestURL: nil,
                        contacts: [], dependsOn: [], targets: [], availability: nil, continuity: nil, cost: nil,
                        lastReviewed: Located(Day("2026-01-01")!, at: .start(of: "x")), replacedBy: nil, body: body(n), bodyLine: 1)
            }, fileCount: 3000)
    }

    private func index(_ catalogue: Catalogue, keepingFiles: Bool = false) -> (SearchIndex, [OutputFile]) {
        let search = SearchIndex(index: SiteIndex(catalogue, now: 0), keepingFiles: keepingFiles)
        for (doc, service) in catalogue.services.enumerated() { search.add(service, doc: doc, description: service.body, worker: doc % Workers.count) }
        return (search, search.files())
    }

    @Test func aLargeIndexIsSplitByPrefix() {
        let files = index(largeCatalogue()).1
        let shards = files.filter { $0.path.hasPrefix("search/terms-") }
        #expect(shards.count > 4)
        #expect(shards.allSatisfy { $0.bytes.count <= SearchIndex.shardLimit * 2 }, "\(shards.filter { $0.bytes.count > SearchIndex.shardLimit * 2 }.map { ($0.path, $0.bytes.count) })")
        // A split index has words files, each word in those of its keys.
        #expect(files.contains { $0.path == "search/words-al.js" && $0.text.contains(#""alpha1""#) })
        #expect(files.contains { $0.path == "search/words-lp.js" && $0.text.contains(#""alpha1""#) })
        #expect(files.filter { $0.path.hasPrefix("search/docs-") }.count == 3000 / SearchIndex.chunkSize)
    }

    @Test func anUpdatedIndexIsTheIndexOfTheEditedCatalogue() {
        let before = largeCatalogue { $0 % 7 == 0 ? "common words here" : "words \($0) zebra" }
        let (search, files) = index(before, keepingFiles: true)
        // Service s43 loses its words and gains new ones, some of letters no word had.
        let after = largeCatalogue { $0 == 43 ? "quagga xylograph ñandu common" : $0 % 7 == 0 ? "common words here" : "words \($0) zebra" }
        let expected = Dictionary(uniqueKeysWithValues: index(after).1.map { ($0.path, $0) })
        let doc = before.services.firstIndex { $0.id == "s43" }!
        let updated = SearchIndex(index: SiteIndex(after, now: 0), continuing: search)
            .update(doc: doc, old: (before.services[doc], before.services[doc].body), new: (after.services[doc], after.services[doc].body))
        var result = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
        for path in updated.removed { result[path] = nil }
        for file in updated.changed { result[file.path] = file }
        #expect(Set(result.keys) == Set(expected.keys), "missing \(Set(expected.keys).subtracting(result.keys).sorted()), extra \(Set(result.keys).subtracting(expected.keys).sorted())")
        for (path, file) in expected where result[path] != file { Issue.record("\(path) differs from a fresh index") }
        #expect(updated.changed.count < files.count / 4)
    }

    @Test func aRenamedServiceShowsByItsNewNameInEveryTermsFileThatCarriesIt() {
        let before = largeCatalogue()
        let (search, files) = index(before, keepingFiles: true)
        let after = largeCatalogue(name: { $0 == 1 ? "Service 1 omega1 beta1" : "Service \($0) alpha\($0) beta\($0)" })
        let expected = Dictionary(uniqueKeysWithValues: index(after).1.map { ($0.path, $0) })
        let doc = before.services.firstIndex { $0.id == "s1" }!
        let updated = SearchIndex(index: SiteIndex(after, now: 0), continuing: search)
            .update(doc: doc, old: (before.services[doc], ""), new: (after.services[doc], ""))
        var result = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
        for path in updated.removed { result[path] = nil }
        for file in updated.changed { result[file.path] = file }
        #expect(Set(result.keys) == Set(expected.keys))
        for (path, file) in expected where result[path] != file { Issue.record("\(path) differs from a fresh index") }
        // Terms files whose words did not change ("service") showed it too: none shows the old name.
        #expect(files.filter { $0.path.hasPrefix("search/terms") && $0.text.contains("Service 1 alpha1 beta1") }.count > 1)
        #expect(!result.values.contains { $0.text.contains("Service 1 alpha1 beta1") })
    }
}

@Suite struct SynonymTests {
    private func settings(_ synonyms: String) -> String {
        let source = Bundle.module.url(forResource: "Fixtures/minimal/catalogue", withExtension: "yaml")!
        return (try! String(contentsOf: source, encoding: .utf8)) + "synonyms:\n" + synonyms
    }

    @Test func aServiceIsFoundByTheSynonymsOfWhatItSays() throws {
        let files = try renderFixture(files: [
            "catalogue.yaml": settings("  - [pc, laptop, notebook computer]\n  - [vm, Virtual Machine]\n  - [tape, cassette]\n"),
        ])
        let terms = try #require(files["search/terms.js"]).text
        // laptops (doc 1) has "laptop" in its one-word name (code 5 << 4 | 1): "pc" joins it there; hosting (doc 0)
        // says "virtual" only, not "virtual machine", so "vm" finds nothing.
        #expect(terms.contains(#""pc":[1,81]"#), "\(terms)")
        #expect(!terms.contains(#""vm":"#) && !terms.contains(#""cassett":"#))
        #expect(terms.contains(#""notebook":[1,"#))
    }

    @Test(arguments: [
        ("  - sin\n", 15, "each entry of 'synonyms' is a list"),
        ("  - [boat]\n", 15, "needs two words or phrases at least"),
    ])
    func aMalformedGroupIsReportedWhereItStands(_ yaml: String, _ line: Int, _ says: String) throws {
        let fixture = try FixtureCatalogue(files: ["catalogue.yaml": settings(yaml)])
        defer { fixture.remove() }
        let finding = try #require(try fixture.check().first { $0.location.file == "catalogue.yaml" })
        #expect(finding.location.line == line && finding.location.column == 5 && finding.message.contains(says), "\(finding)")
    }
}

import Foundation
@testable import OneDoorKit
import Testing

/// A catalogue in two languages: reading and checking it (`bilingual` fixture: English and French).
@Suite struct LanguageCheckTests {
    private func findings(_ files: [String: String?]) throws -> [String] {
        let fixture = try FixtureCatalogue("bilingual", files: files)
        defer { fixture.remove() }
        return try fixture.check().map(\.description)
    }

    @Test func theBilingualFixtureIsClean() throws {
        #expect(try findings([:]) == [])
    }

    @Test func eachRuleOfLanguagesIsReportedAtItsLine() throws {
        let cases: [(files: [String: String?], expected: [String])] = [
            (["services/hosting.de.md": "---\nname: Hosting\n---\nServer.\n"],
             ["services/hosting.de.md:1:1: error: 'de' is not a language of this catalogue (en, fr); add it to 'languages' in catalogue.yaml, or rename or remove this file"]),
            (["services/printing.fr.md": "---\nname: Impression\n---\n"],
             ["services/printing.fr.md:1:1: error: this translates 'services/printing.md', which does not exist; a translation sits beside its service's file, with the same name"]),
            (["services/hosting.fr.md": "---\nname: Hébergement\nsummary: Des serveurs.\ncategory: desk\n---\nDes serveurs.\n"],
             ["services/desk/laptops.fr.md:7:99: warning: the link 'service:hosting#qui-peut-demander' leads to no heading of the page of 'hosting'; its headings are '#who-can-ask'",
              "services/hosting.fr.md:4:1: error: 'category' is not translated: it is the same in every language, and is given in services/hosting.md only; a translation may hold name, summary, keywords, audience, cost, request_url, contacts"]),
            (["services/hosting.fr.md": "---\nname: Hébergement\n---\n"],
             ["services/desk/laptops.fr.md:7:99: warning: the link 'service:hosting#qui-peut-demander' leads to no heading of the page of 'hosting'; its headings are '#who-can-ask'",
              "services/hosting.fr.md:1:1: warning: no fr text for summary, the description; the en text is shown meanwhile"]),
            (["services/hosting.fr.md": nil],
             ["services/desk/laptops.fr.md:7:99: warning: the link 'service:hosting#qui-peut-demander' leads to no heading of the page of 'hosting'; its headings are '#who-can-ask'",
              "services/hosting.md:1:1: warning: service 'hosting' has no fr text; add hosting.fr.md beside it (the en text is shown meanwhile)"]),
            (["teams.yaml": "- id: desk-team\n  name: {en: Desk Team, fr: Équipe du bureau, de: Schalter}\n- id: platform-team\n  name: {en: Platform, fr: Plateforme}\n"],
             ["teams.yaml:2:47: error: 'de' is not a language of this catalogue (en, fr); add it to 'languages' in catalogue.yaml, or remove this text"]),
            (["teams.yaml": "- id: desk-team\n  name: {en: Desk Team}\n- id: platform-team\n  name: Platform\n"],
             ["teams.yaml:2:9: warning: 'name' has no text in fr; add 'fr: …' (the en text is shown meanwhile)",
              "teams.yaml:4:9: warning: 'name' has text in en only; write it as {en: …, fr: …} (the en text is shown meanwhile)"]),
        ]
        for (files, expected) in cases {
            #expect(try findings(files) == expected, "\(files.keys.sorted())")
        }
    }

    @Test func aTranslationThatCannotBeReadWholeStillHasItsLinksChecked() throws {
        let broken = "---\nname: Hébergement\ncategory: desk\n---\nVoir [x](service:laptop).\n"
        let found = try findings(["services/hosting.fr.md": broken])
        #expect(found.contains("services/hosting.fr.md:5:10: error: the link 'service:laptop' names no service (did you mean 'laptops'?); link to the id of a file in services/"),
                "\(found)")
    }

    @Test func languageAndLanguagesTogetherAreAnError() throws {
        let fixture = try FixtureCatalogue("bilingual")
        defer { fixture.remove() }
        let settings = try String(contentsOf: fixture.folder.appendingPathComponent("catalogue.yaml"), encoding: .utf8)
        try fixture.write("catalogue.yaml", Data(("language: en\n" + settings).utf8))
        #expect(try fixture.check().map(\.description) == [
            "catalogue.yaml:1:11: error: 'language' and 'languages' are both given; keep 'languages' (its first is the default) and remove 'language'",
        ])
    }

    @Test func aCatalogueInOneLanguageRefusesAnotherLanguagesText() throws {
        let fixture = try FixtureCatalogue(files: ["services/hosting.fr.md": "---\nname: Hébergement\n---\n",
                                                   "teams.yaml": "- id: desk-team\n  name: {fr: Équipe}\n- id: platform-team\n  name: Platform\n"])
        defer { fixture.remove() }
        #expect(try fixture.check().map(\.description) == [
            "services/hosting.fr.md:1:1: error: 'fr' is not a language of this catalogue (en); add it to 'languages' in catalogue.yaml, or rename or remove this file",
            "teams.yaml:2:10: error: 'fr' is not a language of this catalogue (en); add it to 'languages' in catalogue.yaml, or remove this text",
        ])
    }

    @Test func anEntryWithOnlyItsIdIsAnEntryNotATextInIndonesian() throws {
        let fixture = try FixtureCatalogue(files: ["teams.yaml": "- id: desk-team\n  name: Desk\n- id: platform-team\n"])
        defer { fixture.remove() }
        #expect(try fixture.check().map(\.description).contains(
            "teams.yaml:3:3: error: team 'platform-team' is missing the required field 'name'; add a line 'name: …'"))
    }

    @Test func aLinkInATranslationIsCheckedAgainstThePageInItsLanguage() throws {
        let broken = "---\nname: Ordinateurs portables\nsummary: Un portable.\nkeywords: [portable]\n---\n\nVoir [qui](service:hosting#who-can-ask) et [x](service:hostin).\n"
        #expect(try findings(["services/desk/laptops.fr.md": broken]) == [
            "services/desk/laptops.fr.md:7:12: warning: the link 'service:hosting#who-can-ask' leads to no heading of the page of 'hosting'; its headings are '#qui-peut-demander'",
            "services/desk/laptops.fr.md:7:48: error: the link 'service:hostin' names no service (did you mean 'hosting'?); link to the id of a file in services/",
        ])
    }

    @Test func eachLanguageReadsItsOwnTextAndFallsBackToTheDefault() throws {
        let fixture = try FixtureCatalogue("bilingual", files: ["services/hosting.fr.md": "---\nname: Hébergement\n---\n"])
        defer { fixture.remove() }
        let french = try CatalogueLoader(source: FolderSource(fixture.folder), language: "fr").load().catalogue
        #expect(french.settings.title == "Catalogue d'essai" && french.settings.languages == ["en", "fr"])
        #expect(french.categories.map(\.name) == ["Technologie", "Bureau", "Infrastructure"])
        let hosting = try #require(french.services.first { $0.id == "hosting" })
        #expect(hosting.name == "Hébergement" && hosting.summary.value == "Servers for applications.")
        #expect(french.services.first { $0.id == "laptops" }?.keywords == ["ordinateur", "portable"])
        let english = try CatalogueLoader(source: FolderSource(fixture.folder)).load().catalogue
        #expect(english.services.first { $0.id == "hosting" }?.name == "Hosting")
        // Another language's read takes the default read's services and lays its translations over them:
        // the same services as a read of its own.
        let reusing = try CatalogueLoader(source: FolderSource(fixture.folder), language: "fr", defaultRead: english).load().catalogue
        #expect(reusing.services == french.services)
    }

    @Test func aLanguageMapInAServiceFileIsReadInEachLanguage() throws {
        let fixture = try FixtureCatalogue("bilingual", files: [
            "services/hosting.md": serviceFile(["name": "Hosting", "category": "infrastructure", "owner": "platform-team",
                                                "cost": "{en: Free, fr: Gratuit}"]),
        ])
        defer { fixture.remove() }
        let pipeline = fixture.pipeline()
        let english = try pipeline.load().catalogue
        #expect(english.servicesHaveLanguageMaps)
        let french = pipeline.catalogues(of: english)[1]
        #expect(french.services.first { $0.id == "hosting" }?.cost == "Gratuit")
        #expect(english.services.first { $0.id == "hosting" }?.cost == "Free")
    }
}

/// The portal of the `bilingual` fixture: each language in its folder, page for page.
@Suite struct BilingualPortalTests {
    private func portal(_ files: [String: String?] = [:]) throws -> [String: String] {
        let fixture = try FixtureCatalogue("bilingual", files: files)
        defer { fixture.remove() }
        let output = OutputFiles()
        let built = try fixture.pipeline().build(into: output)
        #expect(!built.checked.hasErrors, "\(built.checked.findings)")
        return Dictionary(uniqueKeysWithValues: output.files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    @Test func eachLanguageHasEveryPageAndEachPageLinksToItsTwin() throws {
        let files = try portal()
        let english = Set(files.keys.filter { $0.hasPrefix("en/") && $0.hasSuffix(".html") }.map { $0.dropFirst(3) })
        let french = Set(files.keys.filter { $0.hasPrefix("fr/") && $0.hasSuffix(".html") }.map { $0.dropFirst(3) })
        #expect(english == french && english.contains("services/laptops.html") && english.count == 11)
        for page in english {
            let en = try #require(files["en/\(page)"]), fr = try #require(files["fr/\(page)"])
            #expect(en.contains(#"<html lang="en">"#) && fr.contains(#"<html lang="fr">"#), "\(page)")
            #expect(en.contains(#"<link rel="alternate" hreflang="fr" href="https://services.example.test/fr/\#(page)">"#), "\(page)")
            #expect(fr.contains(#"<a href="https://services.example.test/en/\#(page)" hreflang="en" lang="en" class="language-switch">English</a>"#), "\(page)")
        }
        #expect(files["assets/onedoor.css"] != nil && files["en/assets/onedoor.css"] == nil)
        #expect(files["fr/services/laptops.html"]!.contains(#"<link rel="stylesheet" href="../../assets/onedoor.css">"#))
    }

    @Test func theRootPageLetsPeopleChooseInEveryLanguage() throws {
        let root = try #require(try portal()["index.html"])
        #expect(root.contains(#"<section lang="en" aria-labelledby="choose-en">"#) && root.contains(#"<section lang="fr" aria-labelledby="choose-fr">"#))
        #expect(root.contains(#"<h1 id="choose-fr">Catalogue d&apos;essai</h1>"#))
        #expect(root.contains(#"<a class="button" href="fr/index.html" hreflang="fr">Français</a>"#))
        #expect(root.contains(#"<a class="button" href="en/index.html" hreflang="en">English</a>"#))
    }

    @Test func frenchPagesWriteAsFrenchDoes() throws {
        let laptops = try #require(try portal()["fr/services/laptops.html"])
        #expect(laptops.contains("<h1>Ordinateurs portables</h1>"))
        #expect(laptops.contains("<td>95\u{00A0}% en 4\u{00A0}heures ouvrables</td>") || laptops.contains("<td>95\u{00A0}% en 4 heures ouvrables</td>"))
        #expect(laptops.contains(#"<time datetime="2026-05-01">1er mai 2026</time>"#))
        // "Standard" is the same in both languages, and so marked as the default language's.
        #expect(laptops.contains(#"<a href="../support-models/standard.html" lang="en">Standard</a>\#u{00A0}: <span>Du lundi au vendredi, de 9 h à 17 h</span>."#))
        #expect(laptops.contains(#"<a href="../services/hosting.html#qui-peut-demander">qui peut demander</a>"#))
    }

    @Test func levelsAndGapsAreWrittenToTheDecimalsTheyHaveInEachLanguage() {
        let (english, french) = (Wording(language: "en"), Wording(language: "fr"))
        #expect([100, 95.8, 98.99, 99.9].map(english.share) == ["100%", "95.8%", "98.99%", "99.9%"])
        #expect([100, 95.8, 98.99].map(french.share) == ["100\u{00A0}%", "95,8\u{00A0}%", "98,99\u{00A0}%"])
        #expect([2.3, 0.01, 0.1, 5].map(english.decimal) == ["2.3", "0.01", "0.1", "5.0"])
        #expect(french.decimal(0.05) == "0,05")
    }

    @Test func textStillInTheDefaultLanguageIsMarkedWithItsLang() throws {
        let files = try portal(["services/hosting.fr.md": "---\nname: Hébergement\n---\n"])
        let hosting = try #require(files["fr/services/hosting.html"])
        #expect(hosting.contains("<h1>Hébergement</h1>"))
        #expect(hosting.contains(#"<p class="lead" lang="en">Servers for applications.</p>"#))
        #expect(hosting.contains(#"<div class="prose" lang="en">"#))
        #expect(try #require(files["fr/services/laptops.html"]).contains(#"<div class="prose">"#))
        // In lists too, and for the YAML files' text.
        let untranslated = try portal(["services/hosting.fr.md": nil,
                                       "categories.yaml": "- id: technology\n  name: {en: Technology}\n- id: desk\n  name: {en: Desk, fr: Bureau}\n  parent: technology\n- id: infrastructure\n  name: {en: Infrastructure, fr: Infra}\n  parent: technology\n"])
        let aToZ = try #require(untranslated["fr/a-z.html"])
        #expect(aToZ.contains(#"<a href="services/hosting.html" lang="en">Hosting</a>"#) && aToZ.contains(#"<p lang="en">Servers for applications.</p>"#))
        #expect(aToZ.contains(#"<a href="services/laptops.html">Ordinateurs portables</a>"#))
        #expect(try #require(untranslated["fr/index.html"]).contains(#"<a href="categories/technology.html" lang="en">Technology</a>"#))
    }

    @Test func catalogueJSONIsOneFileWithTranslations() throws {
        let json = try #require(try portal()["catalogue.json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document["languages"] as? [String] == ["en", "fr"])
        #expect(document["title"] as? String == "Test Catalogue")
        #expect((document["translations"] as? [String: [String: String]])?["fr"]?["title"] == "Catalogue d'essai")
        let services = try #require(document["services"] as? [[String: Any]])
        let hosting = try #require(services.first { $0["id"] as? String == "hosting" })
        #expect(hosting["name"] as? String == "Hosting")
        let french = try #require((hosting["translations"] as? [String: [String: Any]])?["fr"])
        #expect(french["name"] as? String == "Hébergement" && french["summary"] as? String == "Des serveurs pour les applications.")
        #expect(french["keywords"] == nil, "a field the same in both languages is not repeated")
    }

    @Test func searchIsPerLanguage() throws {
        let files = try portal()
        #expect(files["en/search/index.js"] != nil && files["fr/search/index.js"] != nil)
        let frenchDocs = files.filter { $0.key.hasPrefix("fr/search/docs-") }.values.joined()
        #expect(frenchDocs.contains("Ordinateurs portables") && !frenchDocs.contains("\"Laptops\""))
    }
}

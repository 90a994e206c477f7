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
    }
}

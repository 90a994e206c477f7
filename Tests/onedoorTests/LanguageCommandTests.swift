import Foundation
import Testing

@Suite struct LanguageCommandTests {
    @Test func initWritesACatalogueInTwoLanguagesThatChecksClean() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("onedoor-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try runOneDoor(["init", "catalogue", "--languages", "en,fr"], in: try makeFolder(root), environment: fixedDay)
        #expect(created.status == 0, "\(created.error)")
        #expect(created.output.contains("services/help-and-support/service-desk.fr.md"))
        let check = try runOneDoor(["check", "catalogue"], in: root, environment: fixedDay)
        #expect(check.output == "0 errors, 0 warnings in 8 files\n", "\(check.output)")
        let settings = try String(contentsOf: root.appendingPathComponent("catalogue/catalogue.yaml"), encoding: .utf8)
        #expect(settings.contains("languages: [en, fr]") && settings.contains(#"title: {en: "IT Service Catalogue", fr: "Catalogue des services de TI"}"#))
        let build = try runOneDoor(["build", "catalogue", "--output", "site"], in: root, environment: fixedDay)
        #expect(build.status == 0, "\(build.error)")
        let french = try String(contentsOf: root.appendingPathComponent("site/fr/services/password-reset.html"), encoding: .utf8)
        #expect(french.contains("<h1>Réinitialisation du mot de passe</h1>"))
    }

    @Test func newServiceWritesItsTranslations() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("onedoor-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try runOneDoor(["init", "catalogue", "--languages", "en,fr"], in: try makeFolder(root), environment: fixedDay)
        let created = try runOneDoor(["new", "service", "vpn", "--category", "accounts-and-access", "--owner", "service-desk", "--languages"],
                                     in: root, environment: fixedDay)
        #expect(created.status == 0, "\(created.error)")
        #expect(created.output.hasPrefix("Created catalogue/services/accounts-and-access/vpn.md, catalogue/services/accounts-and-access/vpn.fr.md."))
        let check = try runOneDoor(["check", "catalogue"], in: root, environment: fixedDay)
        #expect(check.status == 0 && !check.output.contains("missing-translation") && !check.output.contains("has no fr text"), "\(check.output)")
        let monolingual = try runOneDoor(["new", "service", "other", "--category", "accounts-and-access", "--owner", "it-service-desk", "--languages"],
                                         in: try scratchCatalogue(), environment: fixedDay)
        #expect(monolingual.status == 2 && monolingual.error.contains("it has one only"))
    }

    private func makeFolder(_ url: URL) throws -> URL {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

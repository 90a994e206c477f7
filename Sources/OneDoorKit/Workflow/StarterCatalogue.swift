public import Foundation

/// A small, valid catalogue for an organisation starting from nothing: `onedoor init`.
public enum StarterCatalogue {
    /// Writes the starter files into `folder`, which must be empty or new, in `languages` (the first is
    /// the default; its text is written in English or French, and translated into the other of the two
    /// when both are asked for); returns the paths written.
    public static func write(to folder: URL, today: Day, languages: [String] = ["en"]) throws(ScaffoldError) -> [String] {
        let fileManager = FileManager.default
        if let contents = try? fileManager.contentsOfDirectory(atPath: folder.path), !contents.isEmpty {
            throw ScaffoldError(message: "'\(folder.path)' is not empty; onedoor init writes a new catalogue into an empty or new folder")
        }
        guard !languages.isEmpty, languages.allSatisfy(CatalogueSettings.isLanguageTag), Set(languages).count == languages.count else {
            throw ScaffoldError(message: "--languages takes language tags separated by commas, each once, the default first, such as en,fr")
        }
        let files = self.files(today: today, languages: languages)
        try ScaffoldError.write(files, in: folder)
        return files.map(\.path)
    }

    /// The starter's text in English and French, by the name its place in the files has.
    private static let texts: [String: (en: String, fr: String)] = [
        "title": ("IT Service Catalogue", "Catalogue des services de TI"),
        "organisation": ("Example Organisation", "Organisation exemple"),
        "p1": ("Priority 1", "Priorité 1"), "p2": ("Priority 2", "Priorité 2"), "p3": ("Priority 3", "Priorité 3"), "p4": ("Priority 4", "Priorité 4"),
        "p1.description": ("A service used by everyone, or a critical application, is down or badly degraded.",
                           "Un service utilisé par tous, ou une application essentielle, est en panne ou très dégradé."),
        "p2.description": ("A team or a site cannot work normally.", "Une équipe ou un site ne peut pas travailler normalement."),
        "p3.description": ("One person is affected and has a workaround.", "Une personne est touchée et a une solution de rechange."),
        "p4.description": ("A standard request from the catalogue.", "Une demande courante du catalogue."),
        "accounts": ("Accounts and Access", "Comptes et accès"),
        "accounts.description": ("Sign-in, passwords and access to systems.", "Connexion, mots de passe et accès aux systèmes."),
        "help": ("Help and Support", "Aide et soutien"),
        "help.description": ("Where to go when something does not work.", "Où aller quand quelque chose ne fonctionne pas."),
        "desk": ("Service Desk", "Centre de services"),
        "business-hours": ("Business hours", "Heures ouvrables"),
        "hours": ("Monday to Friday, 09:00–17:00", "Du lundi au vendredi, de 9 h à 17 h"),
        "escalation": ("[Service Desk, Resolver team, Service owner]", "[Centre de services, Équipe de résolution, Responsable du service]"),
    ]

    /// A text of the starter in the catalogue's languages: plain in one language, a map in several
    /// (with the languages OneDoor has words for; `check` names what is left to translate).
    private static func text(_ key: String, _ languages: [String], list: Bool = false) -> String {
        let pair = texts[key]!
        let known = languages.compactMap { language -> (String, String)? in
            if language == "en" || language.hasPrefix("en-") { return (language, pair.en) }
            if Messages.isFrench(language) { return (language, pair.fr) }
            return nil
        }
        let quoted = { (text: String) in list ? text : "\"\(text)\"" }
        guard languages.count > 1 else { return quoted(known.first?.1 ?? pair.en) }
        let entries = known.isEmpty ? [(languages[0], pair.en)] : known
        return "{" + entries.map { "\($0.0): \(quoted($0.1))" }.joined(separator: ", ") + "}"
    }

    static func files(today: Day, languages: [String] = ["en"]) -> [(path: String, text: String)] {
        let t = { (key: String) in text(key, languages) }
        let french = Messages.isFrench(languages[0])
        let language = languages.count > 1 ? "languages: [\(languages.joined(separator: ", "))]" : "language: \(languages[0])"
        var files: [(path: String, text: String)] = [
            ("catalogue.yaml", """
                # Site settings. See docs/writing-a-service.md for every field, and docs/languages.md for languages.
                title: \(t("title"))
                organisation: \(t("organisation"))
                \(language)
                contact:
                  phone: "555-0100"
                  email: servicedesk@example.org
                review_interval_days: 365
                priorities:
                  - id: p1
                    name: \(t("p1"))
                    description: \(t("p1.description"))
                  - id: p2
                    name: \(t("p2"))
                    description: \(t("p2.description"))
                  - id: p3
                    name: \(t("p3"))
                    description: \(t("p3.description"))
                  - id: p4
                    name: \(t("p4"))
                    description: \(t("p4.description"))

                """),
            ("categories.yaml", """
                # Categories, in display order.
                - id: accounts-and-access
                  name: \(t("accounts"))
                  description: \(t("accounts.description"))
                - id: help-and-support
                  name: \(t("help"))
                  description: \(t("help.description"))

                """),
            ("teams.yaml", """
                # Teams that own services.
                - id: service-desk
                  name: \(t("desk"))
                  email: servicedesk@example.org
                  phone: "555-0100"

                """),
            ("support-models.yaml", """
                # Standard support models: one target per priority of catalogue.yaml.
                - id: business-hours
                  name: \(t("business-hours"))
                  hours: \(t("hours"))
                  channels:
                    - type: phone
                      value: "555-0100"
                      label: \(t("desk"))
                    - type: email
                      value: servicedesk@example.org
                  escalation: \(text("escalation", languages, list: true))
                  targets:
                    - priority: p1
                      respond: 15m
                      resolve: 4wh
                      percent: 95
                    - priority: p2
                      respond: 30m
                      resolve: 8wh
                      percent: 95
                    - priority: p3
                      resolve: 2wd
                      percent: 80
                    - priority: p4
                      resolve: 10wd
                      percent: 80

                """),
        ]
        let desk = service(id: "service-desk", french: french, fields: """
            category: help-and-support
            type: business
            status: live
            owner: service-desk
            support_model: business-hours
            last_reviewed: \(today)
            """)
        let password = service(id: "password-reset", french: french, fields: """
            category: accounts-and-access
            type: business
            status: live
            owner: service-desk
            support_model: business-hours
            depends_on: [service-desk]
            last_reviewed: \(today)
            """)
        files += [("services/help-and-support/service-desk.md", desk), ("services/accounts-and-access/password-reset.md", password)]
        for language in languages.dropFirst() {
            let isFrench = Messages.isFrench(language)
            guard isFrench || language == "en" || language.hasPrefix("en-"), isFrench != french else { continue }
            files.append(("services/help-and-support/service-desk.\(language).md", service(id: "service-desk", french: isFrench, fields: nil)))
            files.append(("services/accounts-and-access/password-reset.\(language).md", service(id: "password-reset", french: isFrench, fields: nil)))
        }
        return files
    }

    /// A starter service's file, in English or French: with `fields` its own file, without them its
    /// translation (which holds only what is translated).
    private static func service(id: String, french: Bool, fields: String?) -> String {
        let (name, summary, keywords, body): (String, String, String, String) = switch (id, french) {
        case ("service-desk", false):
            ("Service Desk", "One place to report a problem or ask for anything IT, by phone or email.", "[help, helpdesk, support, ticket]",
             "Report a problem or ask for something, and the Service Desk will help or find who can.\n\n## Who can ask\n\nEveryone who works here.\n\n## How to ask\n\nCall 555-0100 or write to servicedesk@example.org.\n")
        case ("service-desk", true):
            ("Centre de services", "Un seul endroit pour signaler un problème ou demander quoi que ce soit en TI, par téléphone ou par courriel.",
             "[aide, soutien, assistance, billet]",
             "Signalez un problème ou demandez quelque chose : le Centre de services vous aide ou trouve qui peut le faire.\n\n## Qui peut demander\n\nToutes les personnes qui travaillent ici.\n\n## Comment demander\n\nAppelez le 555-0100 ou écrivez à servicedesk@example.org.\n")
        case (_, false):
            ("Password Reset", "A new password when you have forgotten yours or your account is locked.", "[password, locked out, sign in]",
             "The [Service Desk](service:service-desk) resets your password once they know who you are.\n\n## Who can ask\n\nAnyone with an account.\n\n## How to ask\n\nCall the Service Desk.\n")
        case (_, true):
            ("Réinitialisation du mot de passe", "Un nouveau mot de passe quand vous avez oublié le vôtre ou que votre compte est verrouillé.",
             "[mot de passe, compte verrouillé, connexion]",
             "Le [Centre de services](service:service-desk) réinitialise votre mot de passe une fois votre identité vérifiée.\n\n## Qui peut demander\n\nToute personne qui a un compte.\n\n## Comment demander\n\nAppelez le Centre de services.\n")
        }
        let own = fields.map { "\n" + $0 } ?? ""
        return "---\nname: \(name)\nsummary: \(summary)\(own)\nkeywords: \(keywords)\n---\n\n\(body)"
    }
}

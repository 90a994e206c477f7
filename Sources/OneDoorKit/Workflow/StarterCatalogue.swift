public import Foundation

/// A small, valid catalogue for an organisation starting from nothing: `onedoor init`.
public enum StarterCatalogue {
    /// Writes the starter files into `folder`, which must be empty or new; returns the paths written.
    public static func write(to folder: URL, today: Day) throws(ScaffoldError) -> [String] {
        let fileManager = FileManager.default
        if let contents = try? fileManager.contentsOfDirectory(atPath: folder.path), !contents.isEmpty {
            throw ScaffoldError(message: "'\(folder.path)' is not empty; onedoor init writes a new catalogue into an empty or new folder")
        }
        let files = self.files(today: today)
        do {
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw ScaffoldError(message: "could not write into '\(folder.path)': \(error.localizedDescription)")
        }
        return files.map(\.path)
    }

    static func files(today: Day) -> [(path: String, text: String)] {
        [
            ("catalogue.yaml", """
                # Site settings. See docs/writing-a-service.md for every field.
                title: IT Service Catalogue
                organisation: Example Organisation
                language: en
                contact:
                  phone: "555-0100"
                  email: servicedesk@example.org
                review_interval_days: 365
                priorities:
                  - id: p1
                    name: Priority 1
                    description: A service used by everyone, or a critical application, is down or badly degraded.
                  - id: p2
                    name: Priority 2
                    description: A team or a site cannot work normally.
                  - id: p3
                    name: Priority 3
                    description: One person is affected and has a workaround.
                  - id: p4
                    name: Priority 4
                    description: A standard request from the catalogue.

                """),
            ("categories.yaml", """
                # Categories, in display order.
                - id: accounts-and-access
                  name: Accounts and Access
                  description: Sign-in, passwords and access to systems.
                - id: help-and-support
                  name: Help and Support
                  description: Where to go when something does not work.

                """),
            ("teams.yaml", """
                # Teams that own services.
                - id: service-desk
                  name: Service Desk
                  email: servicedesk@example.org
                  phone: "555-0100"

                """),
            ("support-models.yaml", """
                # Standard support models: one target per priority of catalogue.yaml.
                - id: business-hours
                  name: Business hours
                  hours: Monday to Friday, 09:00–17:00
                  channels:
                    - type: phone
                      value: "555-0100"
                      label: Service Desk
                    - type: email
                      value: servicedesk@example.org
                  escalation: [Service Desk, Resolver team, Service owner]
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
            ("services/help-and-support/service-desk.md", """
                ---
                name: Service Desk
                summary: One place to report a problem or ask for anything IT, by phone or email.
                category: help-and-support
                type: business
                status: live
                owner: service-desk
                support_model: business-hours
                keywords: [help, helpdesk, support, ticket]
                last_reviewed: \(today)
                ---

                Report a problem or ask for something, and the Service Desk will help or find who can.

                ## Who can ask

                Everyone who works here.

                ## How to ask

                Call 555-0100 or write to servicedesk@example.org.

                """),
            ("services/accounts-and-access/password-reset.md", """
                ---
                name: Password Reset
                summary: A new password when you have forgotten yours or your account is locked.
                category: accounts-and-access
                type: business
                status: live
                owner: service-desk
                support_model: business-hours
                keywords: [password, locked out, sign in]
                depends_on: [service-desk]
                last_reviewed: \(today)
                ---

                The [Service Desk](service:service-desk) resets your password once they know who you are.

                ## Who can ask

                Anyone with an account.

                ## How to ask

                Call the Service Desk.

                """),
        ]
    }
}

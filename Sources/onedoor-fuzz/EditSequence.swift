import Foundation
import OneDoorKit

/// A sequence of edits, additions and deletions to a `FuzzCatalogue`, read from bytes two at a time.
/// After each step the catalogue is built by `IncrementalBuild` and by the whole `Pipeline`, and the
/// two must agree: the same files, byte for byte, or both refusing the catalogue.
struct EditSequence {
    static let today = Day("2026-06-01")!
    static let names = ["Email", "Mail", "Zebra crossing", "Événements", "A", "Network access", "Wiki"]
    static let newIDs = ["printing", "vpn", "zzz", "aaa"]

    /// What a run did: the steps taken, and how many were built incrementally.
    struct Summary {
        var steps = 0
        var incremental = 0
        /// The first step at which the two builds disagreed, and how.
        var disagreement: String?
    }

    static func run(_ bytes: [UInt8]) -> Summary {
        var catalogue = FuzzCatalogue()
        var session = IncrementalBuild()
        var summary = Summary()
        var index = 0
        while summary.disagreement == nil {
            if summary.steps > 0 {
                guard index + 1 < bytes.count else { break }
                apply(operation: bytes[index], argument: Int(bytes[index + 1]), to: &catalogue)
                index += 2
            }
            summary.steps += 1
            let files = catalogue.files
            let pipeline = Pipeline(source: MemorySource(files: files), today: today)
            let outcome = session.build(pipeline, fingerprint: files.mapValues(stamp))
            if outcome.wasIncremental { summary.incremental += 1 }
            summary.disagreement = compare(outcome, with: pipeline)
        }
        return summary
    }

    /// Nil when the incremental outcome is what the whole pipeline gives.
    private static func compare(_ outcome: IncrementalBuild.Outcome, with pipeline: Pipeline) -> String? {
        let full = OutputFiles()
        guard let built = try? pipeline.build(into: full) else { return "the full build could not read the catalogue" }
        switch (built.result, outcome.result) {
        case (.failure, .failure):
            return nil
        case (.success, .failure(let failure)):
            return "the incremental build failed where the full one passed: \(failure.messages.prefix(3))"
        case (.failure, .success):
            return "the incremental build passed where the full one failed: \(built.checked.findings.prefix(3).map(\.description))"
        case (.success, .success(let files)):
            let expected = Dictionary(uniqueKeysWithValues: full.files.map { ($0.path, $0) })
            if Set(files.keys) != Set(expected.keys) {
                return "other files: \(Set(files.keys).symmetricDifference(expected.keys).sorted().prefix(5))"
            }
            if let path = expected.keys.sorted().first(where: { files[$0] != expected[$0] }) {
                let (got, want) = (files[path]!.text.split(separator: "\n"), expected[path]!.text.split(separator: "\n"))
                let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
                let shown = { (lines: [Substring]) in line < lines.count ? String(lines[line].prefix(160)) : "(end)" }
                return "\(path) differs from the full build's (incremental: \(outcome.wasIncremental)) at line \(line + 1): "
                    + "«\(shown(got))», full build «\(shown(want))»"
            }
            return nil
        }
    }

    /// A stamp that changes whenever the bytes do (FNV-1a).
    private static func stamp(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "\(bytes.count)-\(hash)"
    }

    private static func apply(operation: UInt8, argument: Int, to catalogue: inout FuzzCatalogue) {
        let ids = catalogue.services.keys.sorted()
        guard !ids.isEmpty else {
            add(newIDs[argument % newIDs.count], to: &catalogue)
            return
        }
        let id = ids[argument % ids.count]
        let other = ids[(argument / 7) % ids.count]
        switch operation % 15 {
        case 0: catalogue.services[id]!.name = names[argument % names.count]
        case 1: catalogue.services[id]!.summary = ["What it does.", "Words: quokka \(argument).", "Email"][argument % 3]
        case 2: catalogue.services[id]!.status = ["live", "pipeline", "retired"][argument % 3]
        case 3: catalogue.services[id]!.category = ["desk", "hosting", "empty", "missing"][argument % 4]
        case 4: catalogue.services[id]!.owner = ["team", "other", "nobody"][argument % 3]
        case 5: catalogue.services[id]!.supportModel = ["standard", "premium"][argument % 2]
        case 6:
            if let at = catalogue.services[id]!.dependsOn.firstIndex(of: other) {
                catalogue.services[id]!.dependsOn.remove(at: at)
            } else {
                catalogue.services[id]!.dependsOn.append(other)
            }
        case 7: catalogue.services[id]!.replacedBy = catalogue.services[id]!.replacedBy == nil ? other : nil
        case 8:
            catalogue.services[id]!.body = [
                "## Who can ask\n\nEveryone.\n", "## How to ask\n\nCall. See [\(other)](service:\(other)#who-can-ask).\n",
                "Plain words, xylophone \(argument).\n", "", "# Who can ask\n## Who can ask\n[here](#who-can-ask-1)\n",
            ][argument % 5]
        case 9: catalogue.services[id]!.keywords = catalogue.services[id]!.keywords.isEmpty ? ["pc", "word\(argument % 5)"] : []
        case 13:
            // A service of its own that overrides a target, or stops: the results are judged again.
            catalogue.services[id]!.overrideP1 = catalogue.services[id]!.overrideP1 == nil ? [90, 99, 100][argument % 3] : nil
        case 14:
            // A notice resolved or opened again: the state of every service that depends on Network changes.
            let open = catalogue.yaml["notices/network-down.md"] == FuzzCatalogue.networkDown(resolved: false)
            catalogue.yaml["notices/network-down.md"] = FuzzCatalogue.networkDown(resolved: open)
        case 10: add(newIDs[argument % newIDs.count], to: &catalogue)
        case 11: catalogue.services[id] = nil
        case 12:
            catalogue.yaml["categories.yaml"] = FuzzCatalogue.categories.replacingOccurrences(
                of: "name: Hosting", with: "name: Hosting \(argument % 3)")
        default: break
        }
    }

    private static func add(_ id: String, to catalogue: inout FuzzCatalogue) {
        guard catalogue.services[id] == nil else { return }
        catalogue.services[id] = FuzzCatalogue.Service(id: id, name: id.capitalized, dependsOn: catalogue.services["network"] == nil ? [] : ["network"])
    }
}

// The fuzz target: arbitrary bytes through every stage of the `Pipeline` — front matter, YAML, the
// model, the checks, rendering — with the fast YAML reader compared with Yams; or, when the first byte
// has its high bit set, a sequence of edits built both incrementally and in full (`EditSequence`).
// Otherwise the first byte chooses the file the rest stands for: a service, categories.yaml or
// support-models.yaml. Built by `make fuzz` with libFuzzer; built normally, it replays a corpus, or
// runs random edit sequences (`--edit-sequences N [--seed S]`), as `make test` does.
import Foundation
import OneDoorKit

enum Role: CaseIterable {
    case service, categories, supportModels

    var path: String {
        switch self {
        case .service: "services/probe.md"
        case .categories: "categories.yaml"
        case .supportModels: "support-models.yaml"
        }
    }
}

func probe(_ bytes: [UInt8]) {
    guard let first = bytes.first else { return }
    let rest = Array(bytes.dropFirst())
    if first & 0x80 != 0 {
        // At most 6 steps, so that the fuzzer tries many short sequences rather than a few long ones.
        let summary = EditSequence.run(Array(rest.prefix(12)))
        precondition(summary.disagreement == nil, "incremental and full builds disagree: \(summary.disagreement ?? "")")
        return
    }
    let role = Role.allCases[Int(first) % Role.allCases.count]
    var files = FuzzCatalogue().files
    files[role.path] = rest
    _ = try? Pipeline(source: MemorySource(files: files), today: EditSequence.today).build(into: OutputFiles())
    if role == .service {
        // The same text as the description of a valid service, so that every body reaches the renderer.
        files[role.path] = Array((FuzzCatalogue.Service(id: "probe", name: "Probe").text).utf8) + rest
        _ = try? Pipeline(source: MemorySource(files: files), today: EditSequence.today).build(into: OutputFiles())
    }
    precondition(YAMLCrossCheck.agrees(rest, isServiceFile: role == .service), "PlainYAML and Yams disagree")
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    probe(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
@main
struct Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let at = arguments.firstIndex(of: "--edit-sequences"), at + 1 < arguments.count, let count = Int(arguments[at + 1]) {
            let seed = arguments.firstIndex(of: "--seed").flatMap { $0 + 1 < arguments.count ? UInt64(arguments[$0 + 1]) : nil } ?? 1
            exit(runEditSequences(count, seed: seed))
        }
        // One sequence again, as a failing run printed it: --sequence 113,161,37,…
        if let at = arguments.firstIndex(of: "--sequence"), at + 1 < arguments.count {
            let summary = EditSequence.run(arguments[at + 1].split(separator: ",").compactMap { UInt8($0) })
            print("\(summary.steps) steps: \(summary.disagreement ?? "every one the same as a full build")")
            exit(summary.disagreement == nil ? 0 : 1)
        }
        var count = 0
        for argument in arguments {
            let url = URL(fileURLWithPath: argument)
            let files = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? [url]
            for file in files.sorted(by: { $0.path < $1.path }) {
                guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                probe(Array(data))
                count += 1
            }
        }
        print("replayed \(count) inputs")
    }

    /// `count` random sequences of up to 40 edits; 0 when every step agreed, else 1 with the first disagreement.
    static func runEditSequences(_ count: Int, seed: UInt64) -> Int32 {
        var random = SplitMix(state: seed)
        var steps = 0, incremental = 0
        for run in 0..<count {
            let bytes = (0..<(2 * (1 + Int(random.next() % 40)))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let summary = EditSequence.run(bytes)
            steps += summary.steps
            incremental += summary.incremental
            if let disagreement = summary.disagreement {
                print("sequence \(run) (seed \(seed)), step \(summary.steps): \(disagreement)")
                print("bytes: \(bytes.map { String($0) }.joined(separator: ","))")
                return 1
            }
        }
        print("\(count) edit sequences, \(steps) builds (\(incremental) incremental): every one the same as a full build")
        return 0
    }
}

/// A small, seeded source of random numbers, so that a failing run can be run again.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
#endif

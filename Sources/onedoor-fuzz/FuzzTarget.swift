// The fuzz target: arbitrary bytes through front matter splitting, YAML loading, the model, the checks
// and rendering, and the plain-YAML reader compared with Yams. The first byte chooses the file the rest stands for (service, categories.yaml or
// support-models.yaml). Built by `make fuzz` with libFuzzer; built normally, it replays a corpus.
import Foundation
import OneDoorKit

func probe(_ bytes: [UInt8]) {
    guard let first = bytes.first else { return }
    let roles = InMemoryCheck.Role.allCases
    let role = roles[Int(first) % roles.count]
    InMemoryCheck.run(Array(bytes.dropFirst()), as: role)
    // The fast reader of plain YAML must read exactly what Yams reads, or leave the text to Yams.
    precondition(InMemoryCheck.plainYAMLAgreesWithYams(Array(bytes.dropFirst()), as: role), "PlainYAML and Yams disagree")
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
        var count = 0
        for argument in CommandLine.arguments.dropFirst() {
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
}
#endif

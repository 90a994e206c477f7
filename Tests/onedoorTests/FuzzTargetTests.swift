import Foundation
import Testing

/// The fuzz target, built normally, as `make fuzz` runs it with libFuzzer: its seeds, and random
/// sequences of edits built both incrementally and in full.
@Suite struct FuzzTargetTests {
    @Test func theSeedsReplayWithoutATrap() throws {
        let corpus = packageRoot.appendingPathComponent("Tests/OneDoorKitTests/Fixtures/fuzz-corpus").path
        let seeds = try FileManager.default.contentsOfDirectory(atPath: corpus).count
        #expect(seeds >= 20)
        let run = try runOneDoor([corpus], executable: "onedoor-fuzz")
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("replayed \(seeds) inputs"))
    }

    /// The property `onedoor serve` rests on: whatever is edited, added or deleted, in whatever order,
    /// an incremental build gives the bytes a full build gives (or refuses the catalogue as it does).
    @Test(arguments: [1, 2] as [UInt64])
    func randomEditSequencesBuildIncrementallyAsAFullBuildDoes(_ seed: UInt64) throws {
        let run = try runOneDoor(["--edit-sequences", "60", "--seed", String(seed)], executable: "onedoor-fuzz")
        #expect(run.status == 0, "\(run.output)")
        let counts = run.output.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        // 60 sequences, a thousand builds or so, of which many were incremental.
        #expect(counts.count >= 3 && counts[0] == 60 && counts[1] > 500 && counts[2] > 150, "\(run.output)")
    }
}

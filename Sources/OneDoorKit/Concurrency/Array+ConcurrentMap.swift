internal import Dispatch
internal import Foundation
internal import Synchronization

extension Array where Element: Sendable {
    /// Maps in parallel on every core, returning results in the order of the array, so the output
    /// stays the same whatever the scheduling.
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let chunkSize = Swift.max(1, count / 64)
        let chunkCount = (count + chunkSize - 1) / chunkSize
        let results = Mutex<[[Result]?]>(Array<[Result]?>(repeating: nil, count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (chunk * chunkSize)..<Swift.min(count, (chunk + 1) * chunkSize)
            let part = self[range].map(transform)
            results.withLock { $0[chunk] = part }
        }
        return results.withLock { $0.flatMap { $0! } }
    }
}

/// How many jobs run at once: one per core.
enum Workers {
    static let count = ProcessInfo.processInfo.activeProcessorCount
}

extension Array where Element: Sendable {
    /// Runs `body` on every element on every core, in no particular order. Elements are taken one at
    /// a time, so a few large jobs at the front spread over the cores. `body` is also told which of the
    /// `Workers.count` workers runs it, so that each worker can gather into storage of its own.
    func concurrentForEach(_ body: @Sendable (Element, _ worker: Int) -> Void) {
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: Swift.min(Workers.count, count)) { worker in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                body(self[index], worker)
            }
        }
    }
}

/// Runs two independent jobs side by side and returns both results. The second runs on another
/// thread and the first on this one, so that a job that maps over every core itself (`concurrentMap`)
/// still gets every core: Dispatch runs an `apply` nested in another one a job at a time.
func concurrently<First: Sendable, Second: Sendable>(_ first: @Sendable () -> First, _ second: @Sendable () -> Second) -> (First, Second) {
    withoutActuallyEscaping(second) { second in
        let job = BackgroundJob(second)
        return (first(), job.value)
    }
}

/// A job started on another thread as it is made, whose result is waited for only where it is needed.
final class BackgroundJob<Value: Sendable>: Sendable {
    private let group = DispatchGroup()
    private let result = Mutex<Value?>(nil)

    init(_ job: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) {
            let value = job()
            self.result.withLock { $0 = value }
        }
    }

    /// The job's result, once it has finished.
    var value: Value {
        group.wait()
        return result.withLock { $0! }
    }
}

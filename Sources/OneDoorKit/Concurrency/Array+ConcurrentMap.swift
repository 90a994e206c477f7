internal import Dispatch
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

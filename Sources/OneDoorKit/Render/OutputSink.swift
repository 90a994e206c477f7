/// Where rendered files go: the build's staging folder, or a list in memory. Files arrive from any
/// thread, in any order.
public protocol OutputSink: Sendable {
    func write(_ file: OutputFile)
    /// A file too large to hold in memory whole, which `parts` hands over piece by piece, in order.
    func write(path: String, parts: (_ emit: ([UInt8]) -> Void) -> Void)
}

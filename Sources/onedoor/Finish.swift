import Foundation

/// Ends the process with `status` at once, keeping `value` (what the command built) to the end rather
/// than freeing it: freeing a large catalogue piece by piece takes longer than the system takes to
/// reclaim its memory whole (compilers do the same). Standard output is flushed first.
func finish(_ status: Int32, keeping value: some Any) -> Never {
    withExtendedLifetime(value) {
        fflush(nil)  // every output stream
        exit(status)
    }
}

/// Why the portal could not be written. The previous output is left as it was in every case.
public enum WriteError: Error, Equatable, CustomStringConvertible {
    /// The output folder would overwrite the catalogue or the whole file system.
    case unsafeOutput(path: String, reason: String)
    /// The output folder holds files that OneDoor did not write.
    case foreignOutput(path: String)
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unsafeOutput(path, reason):
            "refusing to write the portal into '\(path)': \(reason); choose another --output folder"
        case let .foreignOutput(path):
            "'\(path)' holds files that onedoor did not write, and a build replaces its output folder whole; choose an empty or new --output folder"
        case let .io(path, reason):
            "could not write '\(path)': \(reason)"
        }
    }
}

/// One file of the portal, rendered in memory, before anything touches the disk.
public struct OutputFile: Equatable, Sendable {
    /// The path relative to the output folder, with `/` separators.
    public let path: String
    /// The bytes in the pieces they were made in. A large file made of many pieces (`catalogue.json`
    /// in `onedoor serve`, a piece per service) is joined only when it is read.
    let parts: [[UInt8]]

    public init(path: String, bytes: [UInt8]) {
        self.init(path: path, parts: [bytes])
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// A file made of `parts`, one after the other.
    init(path: String, parts: [[UInt8]]) {
        self.path = path
        self.parts = parts
    }

    public var bytes: [UInt8] {
        guard parts.count != 1 else { return parts[0] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { bytes += part }
        return bytes
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public static func == (lhs: OutputFile, rhs: OutputFile) -> Bool {
        lhs.path == rhs.path && lhs.bytes == rhs.bytes
    }
}

/// One file of the portal, rendered in memory, before anything touches the disk.
public struct OutputFile: Hashable, Sendable {
    /// The path relative to the output folder, with `/` separators.
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

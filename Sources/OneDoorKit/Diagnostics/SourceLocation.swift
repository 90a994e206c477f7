/// A place in a catalogue source file, as a person's editor shows it.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path relative to the catalogue folder, with `/` separators.
    public let file: String
    /// The line, counting from 1.
    public let line: Int
    /// The column in Unicode scalars, counting from 1.
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The start of a file: where findings about the file as a whole point.
    public static func start(of file: String) -> SourceLocation {
        SourceLocation(file: file, line: 1, column: 1)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

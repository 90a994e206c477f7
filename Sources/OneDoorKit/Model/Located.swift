/// A value read from a source file, with the place it was read from.
public struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
    public let value: Value
    public let location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// A reference by id to another entry of the catalogue, kept with where it was written.
public typealias Reference = Located<String>

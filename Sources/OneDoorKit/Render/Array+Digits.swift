extension Array where Element == UInt8 {
    /// Appends an integer's decimal digits, without making a string of them: `catalogue.json` and a
    /// large catalogue's charts write millions of numbers.
    mutating func appendDigits(of value: Int) {
        guard value >= 0 else { return self += String(value).utf8 }
        if value >= 10 { appendDigits(of: value / 10) }
        append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// Appends a literal's UTF-8 bytes at once: appending a `String`'s `utf8` goes byte by byte.
    mutating func append(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}

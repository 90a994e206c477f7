extension Array where Element == UInt8 {
    /// Where `needle` first starts at or after `start`, found byte by byte (cheaper than Foundation's
    /// string search, which works in UTF-16).
    func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first else { return nil }
        var index = start
        while index + needle.count <= count {
            if self[index] == first, self[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

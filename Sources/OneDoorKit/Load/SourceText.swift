internal import Foundation

/// The text of one source file, as editors write it: UTF-8, perhaps with a byte-order mark and CRLF lines.
struct SourceText: Sendable {
    /// The path relative to the catalogue folder.
    let path: String
    /// The text with any byte-order mark removed and CRLF turned into LF, so lines and columns
    /// match what an editor shows.
    let text: String

    /// Decodes the bytes, or says where the first byte that is not UTF-8 stands.
    static func decode(_ data: Data, path: String) -> Result<SourceText, Diagnostic> {
        let decoded = data.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) : bytes
            guard body.contains(0x0D) else { return String(validating: body, as: UTF8.self) }
            // CRLF line ends become LF, byte by byte: a ticketing tool's export may be megabytes of them.
            var kept: [UInt8] = []
            kept.reserveCapacity(body.count)
            for (index, byte) in body.enumerated() where byte != 0x0D || index + 1 == body.count || body[index + 1] != 0x0A {
                kept.append(byte)
            }
            return String(validating: kept, as: UTF8.self)
        }
        guard let text = decoded else { return .failure(encodingFinding(data, path: path)) }
        return .success(SourceText(path: path, text: text))
    }

    /// Where the bytes stop being UTF-8, and how to save the file so that they are.
    static func encodingFinding(_ data: Data, path: String) -> Diagnostic {
        // Spreadsheets' "Unicode text" is UTF-16, which starts with its byte-order mark.
        let isUTF16 = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        return .error(.encoding, at: isUTF16 ? SourceLocation(file: path, line: 1, column: 1) : firstInvalidByte(in: data, path: path),
            (isUTF16 ? "the file is UTF-16, not UTF-8; " : "the file is not valid UTF-8; ")
                + (path.hasSuffix(".csv") ? "save it as 'CSV UTF-8' from a spreadsheet" : "save it as UTF-8 in your editor"))
    }

    private static func firstInvalidByte(in data: Data, path: String) -> SourceLocation {
        let bytes = [UInt8](data)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            guard length > 0 else {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                return SourceLocation(file: path, line: line, column: column)
            }
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return .start(of: path)
    }

    /// The length of the UTF-8 sequence starting at `index`, or 0 when it is not valid.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        for length in 1...4 where index + length <= bytes.count {
            if String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil { return length }
        }
        return 0
    }
}

/// The bytes of a table file (`performance/*.csv`), checked to be UTF-8 and otherwise as they are:
/// `CSVTable` reads a byte-order mark and CRLF line ends itself. An export may be megabytes, which
/// turning into text without its CRs and back into bytes would copy twice.
struct SourceBytes: Sendable {
    /// The path relative to the catalogue folder.
    let path: String
    let bytes: [UInt8]

    static func decode(_ data: Data, path: String) -> Result<SourceBytes, Diagnostic> {
        let bytes = [UInt8](data)
        guard bytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) != nil else {
            return .failure(SourceText.encodingFinding(data, path: path))
        }
        return .success(SourceBytes(path: path, bytes: bytes))
    }
}

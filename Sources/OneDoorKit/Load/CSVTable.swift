/// A CSV file as RFC 4180 writes it, and as ticketing tools export it: a header row, cells separated by
/// commas, quoted cells that may hold commas, quotes (`""`) and line breaks, CRLF or LF line ends, and
/// a byte-order mark or not. Read in one pass over the bytes: a cell is a range of them, made into text
/// only when asked, since a large export has hundreds of thousands of rows.
struct CSVTable {
    /// One cell's bytes, without its quotes. Offsets fit 32 bits: a table file is at most 64 MiB.
    struct Cell {
        let start: Int32
        let end: Int32
        /// Where the cell starts, with its opening quote.
        let offset: Int32
        /// Quoted cells stand for `"` with `""`.
        let quoted: Bool
    }

    /// Where a row starts: its first byte, and the line.
    struct Row {
        let line: Int
        let start: Int
    }

    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Hands each row that holds something to `body` with its cells, in order, until `body` returns
    /// false; the cells are not kept, so that a table of any size takes the memory of one row.
    /// Returns the offset of a quoted cell that is never closed, which ends the reading.
    @discardableResult
    func forEachRow(_ body: (Row, [Cell]) -> Bool) -> Int? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(0x0A), carriageReturn = UInt8(0x0D)
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var cells: [Cell] = []
        return bytes.withUnsafeBufferPointer { bytes -> Int? in
            while index < bytes.count {
                let row = Row(line: line, start: index)
                var rowHasContent = false
                cells.removeAll(keepingCapacity: true)
                // One cell after another until the end of the row.
                while true {
                    let offset = index
                    if index < bytes.count, bytes[index] == quote {
                        rowHasContent = true
                        index += 1
                        let start = index
                        while true {
                            guard index < bytes.count else { return offset }
                            if bytes[index] == quote {
                                if index + 1 < bytes.count, bytes[index + 1] == quote {
                                    index += 2
                                    continue
                                }
                                break
                            }
                            if bytes[index] == newline { line += 1 }
                            index += 1
                        }
                        cells.append(Cell(start: Int32(start), end: Int32(index), offset: Int32(offset), quoted: true))
                        index += 1
                        // Anything between the closing quote and the next comma is kept out.
                        while index < bytes.count, bytes[index] != comma, bytes[index] != newline { index += 1 }
                    } else {
                        let start = index
                        while index < bytes.count, bytes[index] != comma, bytes[index] != newline {
                            if bytes[index] != 0x20, bytes[index] != 0x09, bytes[index] != carriageReturn { rowHasContent = true }
                            index += 1
                        }
                        var end = index
                        if end > start, bytes[end - 1] == carriageReturn { end -= 1 }
                        cells.append(Cell(start: Int32(start), end: Int32(end), offset: Int32(offset), quoted: false))
                    }
                    if index < bytes.count, bytes[index] == comma {
                        rowHasContent = true
                        index += 1
                        continue
                    }
                    break
                }
                if index < bytes.count { index += 1 }  // the newline
                line += 1
                if rowHasContent, !body(row, cells) { return nil }
            }
            return nil
        }
    }

    /// A cell's text as written, with `""` made `"` and a line break inside quotes made LF.
    func text(_ cell: Cell) -> String {
        let text = String(decoding: bytes[Int(cell.start)..<Int(cell.end)], as: UTF8.self)
        return cell.quoted ? text.replacing("\"\"", with: "\"").replacing("\r\n", with: "\n") : text
    }

    /// Where a cell's bytes are without the spaces and tabs around them: a range, which unlike a
    /// slice of the bytes costs nothing to pass around (a large export has millions of cells).
    func trimmed(_ cell: Cell) -> Range<Int> {
        var (start, end) = (Int(cell.start), Int(cell.end))
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return start..<end
    }

    /// The line and column (in Unicode scalars, from 1) of `offset`, in a row that starts at `row`.
    func place(of offset: Int32, in row: Row) -> (line: Int, column: Int) {
        let offset = Int(offset)
        var line = row.line, lineStart = row.start
        for index in row.start..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 } + 1)
    }

    /// The line and column of an offset anywhere in the file.
    func place(of offset: Int) -> (line: Int, column: Int) {
        place(of: Int32(offset), in: Row(line: 1, start: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0))
    }
}

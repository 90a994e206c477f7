/// A CSV file as RFC 4180 writes it, and as ticketing tools export it: a header row, cells separated by
/// commas, quoted cells that may hold commas, quotes (`""`) and line breaks, CRLF or LF line ends, and
/// a byte-order mark or not. Read in one pass over the bytes: a cell is a range of them, made into text
/// only when asked, since a large export has hundreds of thousands of rows.
struct CSVTable {
    /// One cell's bytes, without its quotes.
    struct Cell {
        let start: Int
        let end: Int
        /// Quoted cells stand for `"` with `""`.
        let quoted: Bool
        /// Where the cell starts, with its opening quote.
        let offset: Int
    }

    /// One row: its cells, and the line it starts on.
    struct Row {
        let line: Int
        /// The offset of the row's first byte.
        let start: Int
        let cells: Range<Int>
    }

    let bytes: [UInt8]
    private(set) var cells: [Cell] = []
    /// The rows in order, the header first; blank lines are left out.
    private(set) var rows: [Row] = []
    /// The offset of a quoted cell that is never closed, when one is not.
    private(set) var unclosedQuote: Int?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(0x0A), carriageReturn = UInt8(0x0D)
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        bytes.withUnsafeBufferPointer { bytes in
            while index < bytes.count {
                let rowStart = index, rowLine = line, firstCell = cells.count
                var rowHasContent = false
                // One cell after another until the end of the row.
                while true {
                    let offset = index
                    var cell: Cell
                    if index < bytes.count, bytes[index] == quote {
                        rowHasContent = true
                        index += 1
                        let start = index
                        while true {
                            guard index < bytes.count else {
                                unclosedQuote = offset
                                return
                            }
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
                        cell = Cell(start: start, end: index, quoted: true, offset: offset)
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
                        cell = Cell(start: start, end: end, quoted: false, offset: offset)
                    }
                    cells.append(cell)
                    if index < bytes.count, bytes[index] == comma {
                        rowHasContent = true
                        index += 1
                        continue
                    }
                    break
                }
                if index < bytes.count { index += 1 }  // the newline
                if rowHasContent {
                    rows.append(Row(line: rowLine, start: rowStart, cells: firstCell..<cells.count))
                } else {
                    cells.removeSubrange(firstCell...)
                }
                line += 1
            }
        }
    }

    /// A cell's text as written, with `""` made `"`.
    func text(_ cell: Cell) -> String {
        let text = String(decoding: bytes[cell.start..<cell.end], as: UTF8.self)
        return cell.quoted ? text.replacing("\"\"", with: "\"") : text
    }

    /// The bytes of a cell without the spaces and tabs around them.
    func trimmed(_ cell: Cell) -> ArraySlice<UInt8> {
        var (start, end) = (cell.start, cell.end)
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return bytes[start..<end]
    }

    /// The line and column (in Unicode scalars, from 1) of `offset`, in a row that starts at `row`.
    func place(of offset: Int, in row: Row) -> (line: Int, column: Int) {
        var line = row.line, lineStart = row.start
        for index in row.start..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 } + 1)
    }

    /// The line and column of an offset anywhere in the file.
    func place(of offset: Int) -> (line: Int, column: Int) {
        place(of: offset, in: Row(line: 1, start: 0, cells: 0..<0))
    }
}

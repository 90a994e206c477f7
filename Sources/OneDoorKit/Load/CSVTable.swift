/// A CSV file as RFC 4180 writes it, and as ticketing tools export it: a header row, cells separated by
/// commas, quoted cells that may hold commas, quotes (`""`) and line breaks, CRLF or LF line ends, and
/// a byte-order mark or not. Every cell keeps the line and column it starts at.
struct CSVTable {
    struct Cell {
        let text: String
        let line: Int
        /// In Unicode scalars, from 1, at the cell's first character (its opening quote when quoted).
        let column: Int
    }

    /// The rows in order, the header first; blank lines are left out.
    let rows: [[Cell]]

    /// Where a quoted cell is never closed, when one is not.
    let unclosedQuote: (line: Int, column: Int)?

    init(_ text: String) {
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var cell = ""
        var (line, column) = (1, 1)
        var cellStart = (line: 1, column: 1)
        var quoted = false, inQuotes = false, rowHasContent = false
        var unclosed: (line: Int, column: Int)?
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        func endCell() {
            row.append(Cell(text: cell, line: cellStart.line, column: cellStart.column))
            cell = ""
            quoted = false
        }
        func endRow() {
            endCell()
            if rowHasContent || row.count > 1 { rows.append(row) }
            row = []
            rowHasContent = false
        }

        var iterator = scalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        cell.unicodeScalars.append("\"")
                        pending = iterator.next()
                        column += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    cell.unicodeScalars.append(scalar)
                }
                if scalar == "\n" { (line, column) = (line + 1, 1) } else { column += 1 }
                continue
            }
            switch scalar {
            case "\"" where cell.isEmpty && !quoted:
                quoted = true
                inQuotes = true
                rowHasContent = true
                unclosed = (line, column)
                column += 1
            case ",":
                endCell()
                rowHasContent = true
                column += 1
                cellStart = (line, column)
            case "\r" where pending == "\n":
                break
            case "\n":
                endRow()
                (line, column) = (line + 1, 1)
                cellStart = (line, column)
            default:
                cell.unicodeScalars.append(scalar)
                if scalar != " " && scalar != "\t" { rowHasContent = true }
                column += 1
            }
        }
        if rowHasContent || !row.isEmpty || !cell.isEmpty { endRow() }
        self.rows = rows
        unclosedQuote = inQuotes ? unclosed : nil
    }
}

extension Measurement {
    /// The columns of `performance/*.csv`, by header name.
    enum Column: String, CaseIterable {
        case period, service, priority, customer, resolved
        case withinTarget = "within_target"
        case opened, satisfied, neutral, dissatisfied

        static let required: [Column] = [.period, .service, .priority, .resolved, .withinTarget]

        /// The place in `allCases`, without making that array (each use of `allCases` makes a new one).
        var ordinal: Int {
            switch self {
            case .period: 0
            case .service: 1
            case .priority: 2
            case .customer: 3
            case .resolved: 4
            case .withinTarget: 5
            case .opened: 6
            case .satisfied: 7
            case .neutral: 8
            case .dissatisfied: 9
            }
        }
    }

    /// The rows of one performance file; a finding at the cell for every value that cannot be read.
    /// Rules across rows and files (unknown ids, the same row twice, periods that overlap) are the checker's.
    static func read(_ source: SourceBytes, diagnostics: inout [Diagnostic]) -> [Measurement] {
        let file = source.path
        let table = CSVTable(source.bytes)
        var reader: RowReader?
        var rows: [Measurement] = []
        // A row a line, nearly always: room made once, not each time the rows outgrow it. A row that
        // counts has five cells at least (ten bytes with its line break): a file of empty lines asks
        // for no more room than one of rows.
        rows.reserveCapacity(min(table.bytes.count { $0 == 0x0A }, table.bytes.count / 10))
        var headerRead = false
        let unclosed = table.forEachRow { row, cells in
            guard headerRead else {
                headerRead = true
                reader = header(cells, row: row, table: table, file: file, diagnostics: &diagnostics)
                return reader != nil
            }
            if let measurement = reader!.read(row, cells, diagnostics: &diagnostics) { rows.append(measurement) }
            return true
        }
        if let open = unclosed {
            let place = table.place(of: open)
            diagnostics.append(.error(.invalidValue, at: SourceLocation(file: file, line: place.line, column: place.column),
                "this quoted cell is never closed with '\"'; close it, or double a quote inside it (\"\")"))
            return []
        }
        if !headerRead {
            diagnostics.append(.error(.missingField, at: .start(of: file),
                "the file is empty; start it with a header row: period,service,priority,resolved,within_target"))
        }
        return rows
    }

    /// The columns the header names, and a reader of the rows under them; nil when a required column
    /// is missing, with a finding at the cell for each column that cannot be used.
    private static func header(_ cells: [CSVTable.Cell], row: CSVTable.Row, table: CSVTable, file: String,
                               diagnostics: inout [Diagnostic]) -> RowReader? {
        // Spreadsheets set to a language that writes decimals with a comma save "CSV" with semicolons.
        if cells.count == 1, let cell = cells.first {
            let text = table.text(cell)
            for (separator, name) in [(";", "semicolons"), ("\t", "tabs")] {
                let parts = text.split(separator: separator).map { $0.trimmed.lowercased() }
                guard parts.count > 1, parts.contains(where: { Column(rawValue: $0) != nil }) else { continue }
                diagnostics.append(.error(.unknownField, at: SourceLocation(file: file, line: row.line, column: 1),
                    "the header's cells are separated by \(name): a performance file is comma-separated (RFC 4180); "
                    + "save it as 'CSV UTF-8 (comma delimited)'"))
                return nil
            }
        }
        var columns: [Column: Int] = [:]
        /// Columns an unknown one is probably a misspelling of: the finding about it says what to fix.
        var meant: Set<Column> = []
        for (position, cell) in cells.enumerated() {
            let name = table.text(cell).trimmed
            let place = table.place(of: cell.offset, in: row)
            let at = SourceLocation(file: file, line: place.line, column: place.column)
            guard let column = Column(rawValue: name.lowercased()) else {
                let closest = Suggestion.closest(to: name.lowercased(), among: Column.allCases.map(\.rawValue))
                if let column = closest.flatMap(Column.init) { meant.insert(column) }
                diagnostics.append(.error(.unknownField, at: at, "unknown column '\(name)'"
                    + (closest.map { " (did you mean '\($0)'?)" } ?? "; the columns are \(Column.allCases.map(\.rawValue).joined(separator: ", "))")))
                continue
            }
            guard columns[column] == nil else {
                diagnostics.append(.error(.duplicateField, at: at, "the column '\(column.rawValue)' is here twice; keep one"))
                continue
            }
            columns[column] = position
        }
        let missing = Column.required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            if missing.allSatisfy(meant.contains) { return nil }
            diagnostics.append(.error(.missingField, at: SourceLocation(file: file, line: row.line, column: 1), "the header has no "
                + missing.map { "'\($0.rawValue)'" }.joined(separator: ", ") + " column; add "
                + (missing.count == 1 ? "it" : "them") + " (counts, not percentages: resolved, and of those within_target)"))
            return nil
        }
        return RowReader(table: table, file: file, columns: columns, width: cells.count)
    }

    /// Reads the rows of one table, keeping the text of ids it has met: an export repeats each
    /// service, priority and customer on many rows.
    private struct RowReader {
        let table: CSVTable
        let file: String
        let columns: [Column: Int]
        /// The header's number of cells.
        let width: Int
        /// Each column's cell position, by `Column.ordinal`.
        private let positions: [Int?]
        /// The ids met so far, by their bytes, and whether each is valid: an export repeats each
        /// service, priority and customer on many rows, so each is made text and checked once.
        private var names: [ArraySlice<UInt8>: Name] = [:]
        /// The last id of each column, by ordinal: the next row most often repeats it (a service on
        /// the rows of its priorities), and comparing bytes costs less than looking them up.
        private var lastNames: [(range: Range<Int>, name: Name)?] = Array(repeating: nil, count: Column.allCases.count)

        typealias Name = (text: String, isValid: Bool)

        init(table: CSVTable, file: String, columns: [Column: Int], width: Int) {
            (self.table, self.file, self.columns, self.width) = (table, file, columns, width)
            positions = Column.allCases.map { columns[$0] }
        }

        private func position(_ column: Column) -> Int? {
            positions[column.ordinal]
        }

        private func location(_ offset: Int32, _ row: CSVTable.Row) -> SourceLocation {
            let place = table.place(of: offset, in: row)
            return SourceLocation(file: file, line: place.line, column: place.column)
        }

        private mutating func name(_ range: Range<Int>, in column: Column) -> Name {
            if let last = lastNames[column.ordinal], last.range.count == range.count,
               zip(last.range, range).allSatisfy({ table.bytes[$0] == table.bytes[$1] }) {
                return last.name
            }
            let bytes = table.bytes[range]
            let name: Name
            if let known = names[bytes] {
                name = known
            } else {
                let text = String(decoding: bytes, as: UTF8.self)
                name = (text, text == wholeCatalogue || Identifier.isValid(text))
                names[bytes] = name
            }
            lastNames[column.ordinal] = (range, name)
            return name
        }

        mutating func read(_ row: CSVTable.Row, _ cells: [CSVTable.Cell], diagnostics: inout [Diagnostic]) -> Measurement? {
            if cells.count > width {
                let extra = cells[width]
                diagnostics.append(.error(.invalidValue, at: location(extra.offset, row),
                    "this row has \(cells.count) cells and the header \(width); remove the extra cells, or quote a value that holds a comma"))
                return nil
            }
            var fine = true
            /// The cell of `column`: where its trimmed bytes are and where it starts; nil when empty or missing.
            func cell(_ column: Column) -> (bytes: Range<Int>, cell: CSVTable.Cell)? {
                guard let position = position(column), position < cells.count else { return nil }
                let found = cells[position]
                let bytes = table.trimmed(found)
                return bytes.isEmpty ? nil : (bytes, found)
            }
            func required(_ column: Column) -> (bytes: Range<Int>, cell: CSVTable.Cell)? {
                if let found = cell(column) { return found }
                let offset: Int32
                if let position = position(column), position < cells.count {
                    offset = cells[position].offset
                } else {
                    offset = cells.last.map { $0.end + ($0.quoted ? 1 : 0) } ?? Int32(row.start)
                }
                diagnostics.append(.error(.missingField, at: location(offset, row), "the '\(column.rawValue)' cell is empty; fill it in"))
                fine = false
                return nil
            }
            func count(_ column: Column, required isRequired: Bool) -> Int? {
                guard let found = isRequired ? required(column) : cell(column) else { return nil }
                var value = 0
                for index in found.bytes {
                    let byte = table.bytes[index]
                    guard byte >= 0x30, byte <= 0x39 else {
                        diagnostics.append(.error(.invalidValue, at: location(found.cell.offset, row),
                            "'\(table.text(found.cell).trimmed)' is not a count: '\(column.rawValue)' is a whole number of tickets, 0 or more"))
                        fine = false
                        return nil
                    }
                    value = value * 10 + Int(byte - 0x30)
                    guard value <= Measurement.maxCount else {
                        diagnostics.append(.error(.invalidValue, at: location(found.cell.offset, row),
                            "'\(table.text(found.cell).trimmed)' is more tickets than a count can hold (\(Measurement.maxCount)); "
                                + "check the '\(column.rawValue)' cell"))
                        fine = false
                        return nil
                    }
                }
                return value
            }

            var period: Period?
            var columns: (period: Int, service: Int, priority: Int) = (1, 1, 1)
            if let text = required(.period) {
                if let value = Period(utf8: table.bytes[text.bytes]) {
                    period = value
                    columns.period = table.place(of: text.cell.offset, in: row).column
                } else {
                    diagnostics.append(.error(.invalidValue, at: location(text.cell.offset, row),
                        "'\(table.text(text.cell).trimmed)' is not a period; write a year (2018), a quarter (2018-Q3) or a month (2018-10)"))
                    fine = false
                }
            }
            var service: String?
            if let text = required(.service) {
                let (id, isValid) = name(text.bytes, in: .service)
                if !isValid {
                    diagnostics.append(.error(.invalidID, at: location(text.cell.offset, row),
                        "'\(id)' is not a service id; \(Identifier.rule), or * for the whole catalogue"))
                    fine = false
                }
                service = id
                columns.service = table.place(of: text.cell.offset, in: row).column
            }
            var priority: String?
            if let text = required(.priority) {
                priority = name(text.bytes, in: .priority).text
                columns.priority = table.place(of: text.cell.offset, in: row).column
            }
            var customer: String?
            var customerColumn = 1
            if let text = cell(.customer) {
                let (id, isValid) = name(text.bytes, in: .customer)
                customer = id
                customerColumn = table.place(of: text.cell.offset, in: row).column
                if !isValid || id == wholeCatalogue {
                    diagnostics.append(.error(.invalidID, at: location(text.cell.offset, row),
                        "'\(id)' is not a customer id; \(Identifier.rule)\(Identifier.suggestion(for: id))"))
                    fine = false
                }
            }
            let resolved = count(.resolved, required: true)
            let within = count(.withinTarget, required: true)
            if let resolved, let within, within > resolved, let at = cell(.withinTarget)?.cell.offset {
                diagnostics.append(.error(.invalidValue, at: location(at, row),
                    "within_target (\(within)) is more than resolved (\(resolved)): it counts the resolved tickets that met the target"))
                fine = false
            }
            let opened = count(.opened, required: false)
            let (satisfied, neutral, dissatisfied) = (count(.satisfied, required: false), count(.neutral, required: false),
                                                      count(.dissatisfied, required: false))
            // A survey cell that is not a count has made the row fail: the others say whether there was one.
            let surveyed = satisfied != nil || neutral != nil || dissatisfied != nil
            guard fine, let period, let service, let priority, let resolved, let within else { return nil }
            return Measurement(
                period: period, serviceID: service, priorityID: priority, customer: customer, resolved: resolved, withinTarget: within,
                opened: opened,
                satisfaction: surveyed ? Satisfaction(satisfied: satisfied ?? 0, neutral: neutral ?? 0, dissatisfied: dissatisfied ?? 0) : nil,
                place: Place(file: file, line: Int32(clamping: row.line), periodColumn: Int32(clamping: columns.period),
                             serviceColumn: Int32(clamping: columns.service), priorityColumn: Int32(clamping: columns.priority),
                             customerColumn: Int32(clamping: customerColumn)))
        }
    }
}

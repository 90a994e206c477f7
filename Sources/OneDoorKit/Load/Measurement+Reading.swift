extension Measurement {
    /// The columns of `performance/*.csv`, by header name.
    enum Column: String, CaseIterable {
        case period, service, priority, customer, resolved
        case withinTarget = "within_target"
        case opened, satisfied, neutral, dissatisfied

        static let required: [Column] = [.period, .service, .priority, .resolved, .withinTarget]
    }

    /// The rows of one performance file; a finding at the cell for every value that cannot be read.
    /// Rules across rows and files (unknown ids, the same row twice, periods that overlap) are the checker's.
    static func read(_ source: SourceText, diagnostics: inout [Diagnostic]) -> [Measurement] {
        let file = source.path
        let table = CSVTable(source.text)
        if let open = table.unclosedQuote {
            diagnostics.append(.error(.invalidValue, at: SourceLocation(file: file, line: open.line, column: open.column),
                "this quoted cell is never closed with '\"'; close it, or double a quote inside it (\"\")"))
            return []
        }
        guard let header = table.rows.first else {
            diagnostics.append(.error(.missingField, at: .start(of: file),
                "the file is empty; start it with a header row: period,service,priority,resolved,within_target"))
            return []
        }
        var columns: [Column: Int] = [:]
        /// Columns an unknown one is probably a misspelling of: the finding about it says what to fix.
        var meant: Set<Column> = []
        for (position, cell) in header.enumerated() {
            let name = cell.text.trimmed.lowercased()
            let place = SourceLocation(file: file, line: cell.line, column: cell.column)
            guard let column = Column(rawValue: name) else {
                let closest = Suggestion.closest(to: name, among: Column.allCases.map(\.rawValue))
                if let column = closest.flatMap(Column.init) { meant.insert(column) }
                diagnostics.append(.error(.unknownField, at: place, "unknown column '\(cell.text.trimmed)'"
                    + (closest.map { " (did you mean '\($0)'?)" } ?? "; the columns are \(Column.allCases.map(\.rawValue).joined(separator: ", "))")))
                continue
            }
            guard columns[column] == nil else {
                diagnostics.append(.error(.duplicateField, at: place, "the column '\(name)' is here twice; keep one"))
                continue
            }
            columns[column] = position
        }
        let missing = Column.required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            if missing.allSatisfy(meant.contains) { return [] }
            let first = header.first.map { SourceLocation(file: file, line: $0.line, column: 1) } ?? .start(of: file)
            diagnostics.append(.error(.missingField, at: first, "the header has no "
                + missing.map { "'\($0.rawValue)'" }.joined(separator: ", ") + " column; add "
                + (missing.count == 1 ? "it" : "them") + " (counts, not percentages: resolved, and of those within_target)"))
            return []
        }
        return table.rows.dropFirst().compactMap { row in
            read(row, columns: columns, headerCount: header.count, file: file, diagnostics: &diagnostics)
        }
    }

    private static func read(_ row: [CSVTable.Cell], columns: [Column: Int], headerCount: Int, file: String,
                             diagnostics: inout [Diagnostic]) -> Measurement? {
        let rowStart = SourceLocation(file: file, line: row[0].line, column: 1)
        if row.count > headerCount {
            let extra = row[headerCount]
            diagnostics.append(.error(.invalidValue, at: SourceLocation(file: file, line: extra.line, column: extra.column),
                "this row has \(row.count) cells and the header \(headerCount); remove the extra cells, or quote a value that holds a comma"))
            return nil
        }
        var fine = true
        /// The cell of `column`, trimmed, with its place; an empty cell or one the row lacks is nil.
        func cell(_ column: Column) -> (text: String, at: SourceLocation)? {
            guard let position = columns[column], position < row.count else { return nil }
            let text = row[position].text.trimmed
            return text.isEmpty ? nil : (text, SourceLocation(file: file, line: row[position].line, column: row[position].column))
        }
        /// Where an empty or missing cell of `column` stands.
        func place(_ column: Column) -> SourceLocation {
            guard let position = columns[column], position < row.count else {
                let last = row[row.count - 1]
                return SourceLocation(file: file, line: last.line, column: last.column + last.text.unicodeScalars.count)
            }
            return SourceLocation(file: file, line: row[position].line, column: row[position].column)
        }
        func required(_ column: Column) -> (text: String, at: SourceLocation)? {
            guard let found = cell(column) else {
                diagnostics.append(.error(.missingField, at: place(column), "the '\(column.rawValue)' cell is empty; fill it in"))
                fine = false
                return nil
            }
            return found
        }
        func count(_ column: Column, required isRequired: Bool) -> Int? {
            guard let found = isRequired ? required(column) : cell(column) else { return nil }
            guard let value = Int(found.text), value >= 0, found.text.allSatisfy(\.isASCII) else {
                diagnostics.append(.error(.invalidValue, at: found.at,
                    "'\(found.text)' is not a count: '\(column.rawValue)' is a whole number of tickets, 0 or more"))
                fine = false
                return nil
            }
            return value
        }

        var period: Located<Period>?
        if let text = required(.period) {
            if let value = Period(text.text) {
                period = Located(value, at: text.at)
            } else {
                diagnostics.append(.error(.invalidValue, at: text.at,
                    "'\(text.text)' is not a period; write a year (2018), a quarter (2018-Q3) or a month (2018-10)"))
                fine = false
            }
        }
        let service = required(.service)
        if let service, service.text != wholeCatalogue, !Identifier.isValid(service.text) {
            diagnostics.append(.error(.invalidID, at: service.at,
                "'\(service.text)' is not a service id; \(Identifier.rule), or * for the whole catalogue"))
            fine = false
        }
        let priority = required(.priority)
        let customer = cell(.customer)
        if let customer, !Identifier.isValid(customer.text) {
            diagnostics.append(.error(.invalidID, at: customer.at,
                "'\(customer.text)' is not a customer id; \(Identifier.rule)\(Identifier.suggestion(for: customer.text))"))
            fine = false
        }
        let resolved = count(.resolved, required: true)
        let within = count(.withinTarget, required: true)
        if let resolved, let within, within > resolved, let at = cell(.withinTarget)?.at {
            diagnostics.append(.error(.invalidValue, at: at,
                "within_target (\(within)) is more than resolved (\(resolved)): it counts the resolved tickets that met the target"))
            fine = false
        }
        let opened = count(.opened, required: false)
        let answers = [Column.satisfied, .neutral, .dissatisfied].map { count($0, required: false) }
        let surveyed = [Column.satisfied, .neutral, .dissatisfied].contains { cell($0) != nil }
        guard fine, let period, let service, let priority, let resolved, let within else { return nil }
        return Measurement(
            period: period, service: Reference(service.text, at: service.at), priority: Reference(priority.text, at: priority.at),
            customer: customer?.text, resolved: resolved, withinTarget: within, opened: opened,
            satisfaction: surveyed ? Satisfaction(satisfied: answers[0] ?? 0, neutral: answers[1] ?? 0, dissatisfied: answers[2] ?? 0) : nil,
            location: rowStart)
    }
}

/// The rows of `performance/*.csv` across the catalogue: each names a service and a priority that
/// exist, and no tickets are counted twice — by the same row twice, or by periods that overlap.
enum PerformanceRules {
    static func check(_ catalogue: Catalogue, index: CatalogueIndex) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let rows = catalogue.measurements
        // Each row's series (service, priority, customer), numbered as first met: an export has hundreds
        // of thousands of rows and tens of thousands of series, so the ids are looked up once a series.
        var numbers: [Series: Int] = [:]
        var known: [(service: Bool, priority: Bool, customer: Bool)] = []
        var seriesOfRow: [Int] = []
        seriesOfRow.reserveCapacity(rows.count)
        for row in rows {
            let series = Series(service: row.serviceID, priority: row.priorityID, customer: row.customer)
            let number: Int
            if let found = numbers[series] {
                number = found
            } else {
                number = known.count
                numbers[series] = number
                known.append((row.serviceID == Measurement.wholeCatalogue || index.serviceExists(row.serviceID), index.priorityExists(row.priorityID),
                              row.customer.map(index.customerExists) ?? true))
            }
            seriesOfRow.append(number)
            if !known[number].service {
                findings.append(ReferenceRules.unknown("service", row.service, closest: index.closest(to: row.serviceID, of: .service),
                                                       file: "services/"))
            }
            if !known[number].priority {
                findings.append(ReferenceRules.unknown("priority", row.priority, closest: index.prioritySuggestions.closest(to: row.priorityID),
                                                       file: CatalogueLoader.settingsFile))
            }
            if !known[number].customer, let customer = row.customerReference {
                findings.append(ReferenceRules.unknownCustomer(customer, index: index))
            }
        }
        // The rows of each series side by side (a counting sort of their numbers), to compare their periods.
        var starts = [Int](repeating: 0, count: known.count + 1)
        for number in seriesOfRow { starts[number + 1] += 1 }
        for number in known.indices { starts[number + 1] += starts[number] }
        var next = starts
        var grouped = [Int](repeating: 0, count: rows.count)
        for (row, number) in seriesOfRow.enumerated() {
            grouped[next[number]] = row
            next[number] += 1
        }
        for number in known.indices where starts[number + 1] - starts[number] > 1 {
            findings += overlaps(in: grouped[starts[number]..<starts[number + 1]], of: rows)
        }
        return findings
    }

    private struct Series: Hashable {
        let service: String
        let priority: String
        let customer: String?
    }

    /// Each row whose period is the same as, or overlaps, an earlier row's of the same series: the rows
    /// are the places of one series' rows in `all`.
    private static func overlaps(in series: ArraySlice<Int>, of all: [Measurement]) -> [Diagnostic] {
        // Sorted by first month: a period can only overlap those that start before it ends, so each
        // row is compared with the rows whose periods are still open when it starts.
        let sorted = series.sorted { a, b in
            let (first, second) = (all[a].period.months.lowerBound, all[b].period.months.lowerBound)
            return first != second ? first < second : (all[a].place.file, all[a].place.line) < (all[b].place.file, all[b].place.line)
        }
        var findings: [Diagnostic] = []
        var open: [Int] = []
        for position in sorted {
            let row = all[position]
            let period = row.period
            open.removeAll { all[$0].period.months.upperBound <= period.months.lowerBound }
            if let earlier = open.first(where: { all[$0].period.overlaps(period) }).map({ all[$0] }) {
                let (first, second) = earlier.location < row.location ? (earlier, row) : (row, earlier)
                let other = "\(first.location.file):\(first.location.line)"
                let whose = "service '\(row.serviceID)', priority '\(row.priorityID)'"
                    + (row.customer.map { ", customer '\($0)'" } ?? "")
                findings.append(first.period == second.period
                    ? .error(.duplicateID, at: second.periodLocation,
                             "\(whose) has a row for \(period) already (\(other)); keep one, or add up the two")
                    : .error(.overlappingPeriods, at: second.periodLocation,
                             "\(second.period) overlaps \(first.period) (\(other)) for \(whose): the same tickets would count twice; "
                                 + "give quarters or months, not both, for the same months"))
            }
            open.append(position)
        }
        return findings
    }
}

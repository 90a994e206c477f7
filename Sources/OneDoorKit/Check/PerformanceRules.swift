/// The rows of `performance/*.csv` across the catalogue: each names a service and a priority that
/// exist, and no tickets are counted twice — by the same row twice, or by periods that overlap.
enum PerformanceRules {
    static func check(_ catalogue: Catalogue, index: CatalogueIndex) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        /// The rows of each service, priority and customer, to compare their periods.
        var series: [Series: [Measurement]] = [:]
        for row in catalogue.measurements {
            let service = row.serviceID
            if service != Measurement.wholeCatalogue, !index.serviceExists(service) {
                findings.append(ReferenceRules.unknown("service", row.service, closest: index.closest(to: service, of: .service),
                                                       file: "services/"))
            }
            let priority = row.priorityID
            if !index.unreadable.allPriorities, !index.priorities.contains(priority), !index.unreadable.priorities.contains(priority) {
                findings.append(ReferenceRules.unknown("priority", row.priority, closest: index.prioritySuggestions.closest(to: priority),
                                                       file: CatalogueLoader.settingsFile))
            }
            series[Series(service: service, priority: priority, customer: row.customer), default: []].append(row)
        }
        for rows in series.values {
            findings += overlaps(in: rows)
        }
        return findings
    }

    private struct Series: Hashable {
        let service: String
        let priority: String
        let customer: String?
    }

    /// Each row whose period is the same as, or overlaps, an earlier row's of the same series.
    private static func overlaps(in rows: [Measurement]) -> [Diagnostic] {
        // Sorted by first month: a period can only overlap those that start before it ends, so each
        // row is compared with the rows whose periods are still open when it starts.
        let sorted = rows.sorted { ($0.period.months.lowerBound, $0.place.file, $0.place.line) < ($1.period.months.lowerBound, $1.place.file, $1.place.line) }
        var findings: [Diagnostic] = []
        var open: [Measurement] = []
        for row in sorted {
            let period = row.period
            open.removeAll { $0.period.months.upperBound <= period.months.lowerBound }
            if let earlier = open.first(where: { $0.period.overlaps(period) }) {
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
            open.append(row)
        }
        return findings
    }
}

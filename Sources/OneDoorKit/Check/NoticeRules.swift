/// The notices of `notices/`: each names services that exist, has a severity exactly when it is an
/// incident, and its times are in order.
enum NoticeRules {
    static func check(_ catalogue: Catalogue, index: CatalogueIndex) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var files: [String: String] = [:]
        for notice in catalogue.notices {
            if let other = files.updateValue(notice.file, forKey: notice.id) {
                findings.append(.error(.duplicateID, at: .start(of: notice.file),
                    "the notice id '\(notice.id)' is used by '\(other)' already; rename one of the two files"))
            }
            for service in notice.services where !index.serviceExists(service.value) {
                findings.append(ReferenceRules.unknown("service", service, closest: index.closest(to: service.value, of: .service),
                                                       file: "services/"))
            }
            for customer in notice.customers where !index.customerExists(customer.value) {
                findings.append(ReferenceRules.unknownCustomer(customer, index: index))
            }
            findings += check(notice)
                + LinkRules.findings(in: notice.body, file: notice.file, bodyLine: notice.bodyLine, index: index)
        }
        return findings
    }

    /// The rules of one notice on its own.
    static func check(_ notice: Notice) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        switch (notice.kind, notice.severity) {
        case (.incident, nil):
            findings.append(.error(.noticeSeverity, at: notice.location,
                "incident '\(notice.id)' has no severity; add 'severity: major' or 'severity: minor'"))
        case let (.plannedChange, severity?), let (.announcement, severity?):
            findings.append(.error(.noticeSeverity, at: severity.location,
                "only incidents have a severity, and '\(notice.id)' is a \(notice.kind == .plannedChange ? "planned change" : "announcement"); remove 'severity'"))
        default: break
        }
        if let end = notice.end, end.value < notice.start.value {
            findings.append(.error(.noticeTimes, at: end.location,
                "'end' (\(end.value)) is before 'start' (\(notice.start.value)); correct one of the two"))
        }
        if notice.kind == .plannedChange, notice.end == nil {
            findings.append(.error(.missingField, at: notice.location,
                "planned change '\(notice.id)' is missing the required field 'end'; add a line 'end: YYYY-MM-DD HH:MM' for when the work ends"))
        }
        for update in notice.updates {
            let time = update.at.value
            if time < notice.start.value {
                findings.append(.error(.noticeTimes, at: update.at.location,
                    "this update (\(time)) is before the notice's 'start' (\(notice.start.value)); correct its time, or move 'start' earlier"))
            } else if let end = notice.end, end.value >= notice.start.value, time > end.value {
                findings.append(.error(.noticeTimes, at: update.at.location,
                    "this update (\(time)) is after the notice's 'end' (\(end.value)); correct its time, or move 'end' later"))
            }
        }
        return findings
    }
}

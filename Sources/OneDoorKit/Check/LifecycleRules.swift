/// A service's status against those it names, and its review date.
enum LifecycleRules {
    static func check(_ service: Service, index: CatalogueIndex, today: Day) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        if service.status != .retired {
            for dependency in service.dependsOn {
                guard let target = index.services[dependency.value], target.status == .retired else { continue }
                let replacement = target.replacedBy.map { "; depend on its replacement '\($0.value)'" } ?? "; remove the dependency or retire this service"
                findings.append(.error(.dependsOnRetired, at: dependency.location,
                    "\(service.status.rawValue) service '\(service.id)' depends on '\(target.id)', which is retired\(replacement)"))
            }
        }
        if let replacement = service.replacedBy {
            if service.status != .retired {
                findings.append(.error(.replacedByNotRetired, at: replacement.location,
                    "'replaced_by' is only for retired services, and '\(service.id)' is \(service.status.rawValue); remove it or set 'status: retired'"))
            } else if let target = index.services[replacement.value], target.status != .live {
                findings.append(.error(.replacementNotLive, at: replacement.location,
                    "'\(service.id)' is replaced by '\(target.id)', which is \(target.status.rawValue), not live; name a live service"))
            }
        }
        let interval = index.catalogue.settings.reviewIntervalDays
        let reviewed = service.lastReviewed
        let age = today.daysSince1970 - reviewed.value.daysSince1970
        if age < 0 {
            findings.append(.error(.reviewInFuture, at: reviewed.location,
                "'last_reviewed' is \(reviewed.value), which is after today (\(today)); write the date the service was last reviewed"))
        } else if age > interval {
            findings.append(.warning(.reviewOverdue, at: reviewed.location,
                "service '\(service.id)' was last reviewed on \(reviewed.value), \(age) days ago, more than the \(interval) days allowed; review it and update 'last_reviewed'"))
        }
        return findings
    }
}

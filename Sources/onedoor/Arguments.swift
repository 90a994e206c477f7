public import ArgumentParser
public import OneDoorKit

// The library's choices, read from the command line by their raw values.
extension DiagnosticReport.Format: ExpressibleByArgument {}
extension DiffReport.Format: ExpressibleByArgument {}
extension ReviewSchedule.Format: ExpressibleByArgument {}
extension ImpactReport.Format: ExpressibleByArgument {}
extension Notice.Kind: ExpressibleByArgument {}
extension Notice.Severity: ExpressibleByArgument {}
extension PerformanceReport.Format: ExpressibleByArgument {}
extension SourceSchemas.Kind: ExpressibleByArgument {}

internal import Foundation

/// The build's time: now, or `SOURCE_DATE_EPOCH` when that is set, as reproducible builds expect.
public enum BuildClock {
    /// Seconds since 1970.
    public static func now(environment: [String: String]) -> Int {
        environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) ?? Int(Date().timeIntervalSince1970)
    }
}

extension Day {
    /// Today in UTC, or the day of `SOURCE_DATE_EPOCH` when that is set, as reproducible builds expect.
    public static func today(environment: [String: String]) -> Day {
        Day(secondsSince1970: BuildClock.now(environment: environment))
    }
}

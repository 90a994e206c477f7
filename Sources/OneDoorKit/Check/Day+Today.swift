internal import Foundation

extension Day {
    /// Today in UTC, or the day of `SOURCE_DATE_EPOCH` when that is set, as reproducible builds expect.
    public static func today(environment: [String: String]) -> Day {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) {
            return Day(secondsSince1970: epoch)
        }
        return Day(secondsSince1970: Int(Date().timeIntervalSince1970))
    }
}

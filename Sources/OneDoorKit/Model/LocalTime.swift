internal import Foundation

/// A time as the catalogue's people read a clock, `2018-11-05 09:30`, in the catalogue's time zone.
public struct LocalTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let day: Day
    /// Minutes since midnight, 0 to 1439.
    public let minuteOfDay: Int

    public init(day: Day, minuteOfDay: Int) {
        self.day = day
        self.minuteOfDay = minuteOfDay
    }

    /// Reads `YYYY-MM-DD HH:MM` (24-hour clock), refusing times and dates that do not exist.
    public init?(_ text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let day = Day(String(parts[0])) else { return nil }
        let clock = Array(parts[1].utf8)
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard clock.count == 5, clock[2] == UInt8(ascii: ":"), [0, 1, 3, 4].allSatisfy({ isDigit(clock[$0]) }) else { return nil }
        let digit = { (i: Int) in Int(clock[i] - UInt8(ascii: "0")) }
        let (hour, minute) = (digit(0) * 10 + digit(1), digit(3) * 10 + digit(4))
        guard hour < 24, minute < 60 else { return nil }
        self.init(day: day, minuteOfDay: hour * 60 + minute)
    }

    public var hour: Int { minuteOfDay / 60 }
    public var minute: Int { minuteOfDay % 60 }

    /// `09:30`.
    public var clock: String { Self.twoDigits(hour) + ":" + Self.twoDigits(minute) }

    /// `2018-11-05 09:30`, as it is written in a notice.
    public var description: String { "\(day) \(clock)" }

    /// Seconds since 1970 if this clock time were UTC.
    var secondsAsIfUTC: Int { day.daysSince1970 * 86_400 + minuteOfDay * 60 }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        (lhs.day, lhs.minuteOfDay) < (rhs.day, rhs.minuteOfDay)
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// The catalogue's IANA time zone (`America/Halifax`), which turns the clock times of notices into
/// moments and back. Its rules come with Foundation's time zone data.
public struct CatalogueTimeZone: Hashable, Sendable {
    public static let utc = CatalogueTimeZone(identifier: "UTC")!

    public let identifier: String
    private let zone: TimeZone

    /// nil when the identifier names no zone.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
    }

    /// Every zone name known, for "did you mean".
    public static var knownIdentifiers: [String] { TimeZone.knownTimeZoneIdentifiers }

    /// The moment a clock time names, in seconds since 1970. A time skipped when clocks go forward is
    /// read with the offset before the change; a time that happens twice, as its first occurrence.
    public func secondsSince1970(of time: LocalTime) -> Int {
        let asUTC = time.secondsAsIfUTC
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(asUTC - 86_400)))
        let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(asUTC + 86_400)))
        // Of the day's offsets, the first whose moment is still read back as this clock time.
        for candidate in [max(before, after), min(before, after)] where offset(at: asUTC - candidate) == candidate {
            return asUTC - candidate
        }
        return asUTC - before
    }

    /// The clock time of a moment.
    public func localTime(atSecondsSince1970 seconds: Int) -> LocalTime {
        let local = seconds + offset(at: seconds)
        let day = Day(secondsSince1970: local)
        return LocalTime(day: day, minuteOfDay: (local - day.daysSince1970 * 86_400) / 60)
    }

    /// Seconds east of UTC at a moment.
    public func offset(at seconds: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
    }

    /// `-04:00`, `+00:00`, for an ISO 8601 time.
    public func offsetText(at seconds: Int) -> String {
        let offset = self.offset(at: seconds)
        let minutes = abs(offset) / 60
        return (offset < 0 ? "-" : "+") + LocalTime.twoDigits(minutes / 60) + ":" + LocalTime.twoDigits(minutes % 60)
    }

    /// `2018-11-05T09:30:00-04:00`: a moment in RFC 3339, with the zone's offset at that moment.
    public func rfc3339(atSecondsSince1970 seconds: Int) -> String {
        let local = localTime(atSecondsSince1970: seconds)
        return "\(local.day)T\(local.clock):00\(offsetText(at: seconds))"
    }

    /// `UTC−4`, `UTC+5:30`, `UTC`: the offset as people read it.
    public func offsetName(at seconds: Int) -> String {
        let offset = self.offset(at: seconds)
        guard offset != 0 else { return "UTC" }
        let minutes = abs(offset) / 60
        return "UTC" + (offset < 0 ? "\u{2212}" : "+") + "\(minutes / 60)" + (minutes % 60 == 0 ? "" : ":" + LocalTime.twoDigits(minutes % 60))
    }

    public static func == (lhs: CatalogueTimeZone, rhs: CatalogueTimeZone) -> Bool { lhs.identifier == rhs.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }
}

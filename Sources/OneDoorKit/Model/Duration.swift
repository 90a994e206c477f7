/// A length of time as service targets are written: `15m`, `4h`, `2d`, `8wh`, `2wd`.
public struct Duration: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable {
        case minutes = "m"
        case hours = "h"
        case days = "d"
        case workingHours = "wh"
        case workingDays = "wd"

        /// Minutes in one unit; a working day counts as 8 working hours, so that targets compare.
        var minutes: Int {
            switch self {
            case .minutes: 1
            case .hours, .workingHours: 60
            case .days: 1440
            case .workingDays: 480
            }
        }

        var isWorkingTime: Bool { self == .workingHours || self == .workingDays }
    }

    public let amount: Int
    public let unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Reads `<positive integer><unit>`; nil for anything else.
    public init?(_ text: String) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard let first = digits.first, first != "0", digits.count <= 9,
              let amount = Int(digits), let unit = Unit(rawValue: String(text.dropFirst(digits.count)))
        else { return nil }
        self.init(amount: amount, unit: unit)
    }

    /// The form it is written in: `4h`.
    public var description: String { "\(amount)\(unit.rawValue)" }

    /// The form people read: `4 working hours`.
    public var spelledOut: String {
        let names: (String, String) = switch unit {
        case .minutes: ("minute", "minutes")
        case .hours: ("hour", "hours")
        case .days: ("day", "days")
        case .workingHours: ("working hour", "working hours")
        case .workingDays: ("working day", "working days")
        }
        return "\(amount) \(amount == 1 ? names.0 : names.1)"
    }

    /// A rough length in minutes, to tell whether one target is weaker than another.
    public var approximateMinutes: Int { amount * unit.minutes }
}

/// A reporting period of `performance/*.csv`: a year (`2018`), a quarter (`2018-Q3`) or a month (`2018-10`).
public struct Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Length: Int, Sendable {
        case year = 12, quarter = 3, month = 1
    }

    public let year: Int
    public let length: Length
    /// The first month, 1 to 12.
    public let firstMonth: Int

    /// Reads `2018`, `2018-Q3` or `2018-10`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let yearText = parts.first, yearText.count == 4, yearText.allSatisfy(\.isASCII), let year = Int(yearText),
              year >= 1900, year <= 9999 else { return nil }
        switch parts.count {
        case 1:
            self.init(year: year, length: .year, firstMonth: 1)
        case 2 where parts[1].count == 2 && parts[1].first == "Q":
            guard let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { return nil }
            self.init(year: year, length: .quarter, firstMonth: quarter * 3 - 2)
        case 2 where parts[1].count == 2 && parts[1].allSatisfy(\.isNumber):
            guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.init(year: year, length: .month, firstMonth: month)
        default:
            return nil
        }
    }

    private init(year: Int, length: Length, firstMonth: Int) {
        self.year = year
        self.length = length
        self.firstMonth = firstMonth
    }

    /// The months it covers, counted from year 0.
    public var months: Range<Int> {
        let start = year * 12 + firstMonth - 1
        return start..<(start + length.rawValue)
    }

    /// True when the two periods share a month, and so would count the same tickets twice.
    public func overlaps(_ other: Period) -> Bool { months.overlaps(other.months) }

    /// As written in the files: `2018`, `2018-Q3`, `2018-10`.
    public var description: String {
        switch length {
        case .year: "\(year)"
        case .quarter: "\(year)-Q\((firstMonth + 2) / 3)"
        case .month: "\(year)-\(firstMonth < 10 ? "0" : "")\(firstMonth)"
        }
    }

    /// Earlier first; a longer period before a shorter one that starts with it.
    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.months.lowerBound, -lhs.length.rawValue) < (rhs.months.lowerBound, -rhs.length.rawValue)
    }
}

/// One row of `performance/*.csv`: how many tickets of one priority a service resolved in a period,
/// and how many of those within the target's time.
public struct Measurement: Hashable, Sendable {
    /// The whole catalogue's row names this service id.
    public static let wholeCatalogue = "*"

    public let period: Located<Period>
    /// A service id, or `*` for the whole catalogue.
    public let service: Reference
    public let priority: Reference
    /// Who the tickets came from; nil for everyone.
    public let customer: String?
    public let resolved: Int
    public let withinTarget: Int
    public let opened: Int?
    public let satisfaction: Satisfaction?
    /// The row, for findings about it as a whole.
    public let location: SourceLocation

    /// Answers to the satisfaction survey sent with the tickets.
    public struct Satisfaction: Hashable, Sendable {
        public let satisfied: Int
        public let neutral: Int
        public let dissatisfied: Int

        public var answers: Int { satisfied + neutral + dissatisfied }

        /// Satisfied minus dissatisfied, as a share of all answers, from −100 to 100.
        public var netScore: Double? {
            answers == 0 ? nil : Double(satisfied - dissatisfied) * 100 / Double(answers)
        }

        public static func + (lhs: Satisfaction, rhs: Satisfaction) -> Satisfaction {
            Satisfaction(satisfied: lhs.satisfied + rhs.satisfied, neutral: lhs.neutral + rhs.neutral,
                         dissatisfied: lhs.dissatisfied + rhs.dissatisfied)
        }
    }
}

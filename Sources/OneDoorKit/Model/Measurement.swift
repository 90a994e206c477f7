/// A reporting period of `performance/*.csv`: a year (`2018`), a quarter (`2018-Q3`) or a month (`2018-10`).
public struct Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Length: Int, Sendable {
        case year = 12, quarter = 3, month = 1
    }

    // Four bytes in all: an export's hundreds of thousands of rows each have one.
    private let storedYear: Int16
    public let length: Length
    private let storedFirstMonth: UInt8

    public var year: Int { Int(storedYear) }
    /// The first month, 1 to 12.
    public var firstMonth: Int { Int(storedFirstMonth) }

    /// Reads `2018`, `2018-Q3` or `2018-10`; nil for anything else.
    public init?(_ text: String) {
        self.init(utf8: Array(text.utf8)[...])
    }

    /// The same, from UTF-8 bytes.
    init?(utf8 bytes: ArraySlice<UInt8>) {
        func digit(_ offset: Int) -> Int? {
            let byte = bytes[bytes.startIndex + offset]
            return (0x30...0x39).contains(byte) ? Int(byte - 0x30) : nil
        }
        guard bytes.count == 4 || bytes.count == 7, let a = digit(0), let b = digit(1), let c = digit(2), let d = digit(3) else { return nil }
        let year = a * 1000 + b * 100 + c * 10 + d
        guard year >= 1900 else { return nil }
        if bytes.count == 4 {
            self.init(year: year, length: .year, firstMonth: 1)
            return
        }
        guard bytes[bytes.startIndex + 4] == UInt8(ascii: "-") else { return nil }
        if bytes[bytes.startIndex + 5] == UInt8(ascii: "Q") {
            guard let quarter = digit(6), (1...4).contains(quarter) else { return nil }
            self.init(year: year, length: .quarter, firstMonth: quarter * 3 - 2)
        } else {
            guard let tens = digit(5), let ones = digit(6), (1...12).contains(tens * 10 + ones) else { return nil }
            self.init(year: year, length: .month, firstMonth: tens * 10 + ones)
        }
    }

    private init(year: Int, length: Length, firstMonth: Int) {
        storedYear = Int16(year)
        self.length = length
        storedFirstMonth = UInt8(firstMonth)
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
/// and how many of those within the target's time. Kept small and cheap to copy — an export may have
/// hundreds of thousands of rows — with the places of its cells worked out when a finding needs them.
public struct Measurement: Hashable, Sendable {
    /// The whole catalogue's row names this service id.
    public static let wholeCatalogue = "*"
    /// The largest count a cell may hold.
    public static let maxCount = Int(Int32.max)

    // Stored largest first, so that nothing is padded, and the counts in 32 bits: an export has
    // hundreds of thousands of rows, which every step after reading copies or goes over (112 bytes
    // a row, not 168).

    /// A service id, or `*` for the whole catalogue.
    public let serviceID: String
    public let priorityID: String
    /// Who the tickets came from; nil for everyone.
    public let customer: String?
    /// Where the row is.
    let place: Place
    private let counts: Counts
    public let period: Period

    public var resolved: Int { Int(counts.resolved) }
    public var withinTarget: Int { Int(counts.withinTarget) }
    public var opened: Int? { counts.opened < 0 ? nil : Int(counts.opened) }
    public var satisfaction: Satisfaction? {
        counts.satisfied < 0 ? nil : Satisfaction(satisfied: Int(counts.satisfied), neutral: Int(counts.neutral), dissatisfied: Int(counts.dissatisfied))
    }

    /// A row's counts; −1 for a cell left empty.
    private struct Counts: Hashable, Sendable {
        let resolved, withinTarget, opened, satisfied, neutral, dissatisfied: Int32
    }

    /// The file and line of a row, and the columns of its period, service, priority and customer cells.
    struct Place: Hashable, Sendable {
        let file: String
        let line: Int32
        let periodColumn: Int32
        let serviceColumn: Int32
        let priorityColumn: Int32
        let customerColumn: Int32
    }

    /// A row of counts from 0 to `maxCount`.
    init(period: Period, serviceID: String, priorityID: String, customer: String?, resolved: Int, withinTarget: Int,
         opened: Int?, satisfaction: Satisfaction?, place: Place) {
        (self.period, self.serviceID, self.priorityID, self.customer, self.place) = (period, serviceID, priorityID, customer, place)
        counts = Counts(resolved: Int32(resolved), withinTarget: Int32(withinTarget), opened: Int32(opened ?? -1),
                        satisfied: Int32(satisfaction?.satisfied ?? -1), neutral: Int32(satisfaction?.neutral ?? 0),
                        dissatisfied: Int32(satisfaction?.dissatisfied ?? 0))
    }

    /// The row, for findings about it as a whole.
    public var location: SourceLocation { SourceLocation(file: place.file, line: Int(place.line), column: 1) }
    public var periodLocation: SourceLocation { SourceLocation(file: place.file, line: Int(place.line), column: Int(place.periodColumn)) }
    public var service: Reference {
        Reference(serviceID, at: SourceLocation(file: place.file, line: Int(place.line), column: Int(place.serviceColumn)))
    }
    public var priority: Reference {
        Reference(priorityID, at: SourceLocation(file: place.file, line: Int(place.line), column: Int(place.priorityColumn)))
    }
    /// The customer, where the row names one.
    public var customerReference: Reference? {
        customer.map { Reference($0, at: SourceLocation(file: place.file, line: Int(place.line), column: Int(place.customerColumn))) }
    }

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

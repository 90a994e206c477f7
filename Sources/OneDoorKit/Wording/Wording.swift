internal import Foundation

/// How the portal writes in one language: its own words (`Messages`), with the catalogue's name,
/// organisation and help desk put in, and numbers, shares, dates, periods and durations as that
/// language writes them — `95.8%` and `12,345` in English, `95,8 %` and `12 345` in French.
public struct Wording: Sendable {
    public let messages: Messages
    /// Every message with the catalogue's names (`{title}`, `{organisation}`, `{helpDesk}`) put in, once.
    private let texts: [String: String]

    public var language: String { messages.language }
    public var isFrench: Bool { Messages.isFrench(language) }

    /// The months' names, long and short, split once: a board pack or a service's results name
    /// thousands of months.
    private let monthNames: [String]
    private let shortMonthNames: [String]

    public init(language: String, replacements: [String: String] = [:], names: [String: String] = [:]) {
        messages = Messages(language: language, replacements: replacements)
        let texts = messages.all.mapValues { text in
            guard text.contains("{") else { return text }
            return names.reduce(text) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
        }
        self.texts = texts
        let messages = self.messages
        let months = { (key: String) in Self.text(key, texts: texts, messages: messages).split(separator: ",").map(String.init) }
        monthNames = months("months")
        shortMonthNames = months("months_short")
    }

    /// The words of `key`: the catalogue's, else the language's.
    private static func text(_ key: String, texts: [String: String], messages: Messages) -> String {
        texts[key] ?? messages(key)
    }

    /// English words, with nothing of a catalogue's: for command-line reports.
    public static let english = Wording(language: "en")

    /// The words of `key`, with `values` put in for `{0}`, `{1}`…: a page asks for thousands, so the
    /// placeholders are found on bytes.
    public func callAsFunction(_ key: String, _ values: String...) -> String {
        let text = Self.text(key, texts: texts, messages: messages)
        guard !values.isEmpty else { return text }
        var result = ""
        var utf8 = text.utf8[...]
        while let open = utf8.firstIndex(of: UInt8(ascii: "{")) {
            let next = utf8.index(after: open)
            guard next < utf8.endIndex, let digit = Optional(utf8[next]), (0x30...0x39).contains(digit),
                  utf8.index(after: next) < utf8.endIndex, utf8[utf8.index(after: next)] == UInt8(ascii: "}"),
                  Int(digit - 0x30) < values.count else {
                result += String(Substring(utf8[..<next]))
                utf8 = utf8[next...]
                continue
            }
            result += String(Substring(utf8[..<open])) + values[Int(digit - 0x30)]
            utf8 = utf8[utf8.index(next, offsetBy: 2)...]
        }
        return result + String(Substring(utf8))
    }

    /// Every message of the language with the catalogue's names put in, for the templates.
    public var all: [String: String] { texts }

    /// `3 services`, `1 service`: the `_one` or `_many` form of `key`.
    public func count(_ n: Int, _ key: String) -> String {
        self("\(key)_\(n == 1 || (isFrench && n == 0) ? "one" : "many")", number(n))
    }

    // MARK: - Numbers

    /// The space French puts before `%` and `:`, and between groups of digits: it never breaks a line.
    static let noBreakSpace = "\u{00A0}"

    /// `12,345`; `12 345`.
    public func number(_ value: Int) -> String {
        // Most counts a page writes (a table's tickets) have no thousands to group.
        if (0..<1000).contains(value) { return String(value) }
        let digits = String(abs(value))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += isFrench ? Self.noBreakSpace : "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// `95.8`, `-2.0`; `95,8`: one decimal, without Foundation's formatter, which costs more than a whole
    /// page of a catalogue's charts.
    public func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10)\(isFrench ? "," : ".")\(abs(tenths) % 10)"
    }

    /// `95.8`, `0.01`; `95,8`: to one decimal, or two when the value has them (a level just below its
    /// target, and the gap to it).
    public func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        guard hundredths % 10 != 0 else { return oneDecimal(value) }
        return (hundredths < 0 ? "-" : "") + "\(abs(hundredths) / 100)\(isFrench ? "," : ".")\(abs(hundredths) % 100 < 10 ? "0" : "")\(abs(hundredths) % 100)"
    }

    /// `95.8%`, `100%`, `98.99%`; `95,8 %`: a level achieved as `shownAchieved` gives it, or a target's
    /// percent, to one decimal when it has one and two when it has them.
    public func share(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return (hundredths % 100 == 0 ? String(hundredths / 100) : decimal(value)) + percentSign
    }

    /// `95%`, `99.9%`; `99,9 %`: a target's percent as written.
    public func percent(_ value: Double) -> String {
        let text = value.rounded() == value ? String(Int(value)) : String(value)
        return (isFrench ? text.replacing(".", with: ",") : text) + percentSign
    }

    private var percentSign: String { isFrench ? Self.noBreakSpace + "%" : "%" }

    // MARK: - Dates and periods

    /// `15 June 2026`; `15 juin 2026` (`1er juin 2026`).
    public func date(_ day: Day) -> String {
        "\(isFrench && day.day == 1 ? "1er" : String(day.day)) \(monthNames[day.month - 1]) \(day.year)"
    }

    /// `October 2026`, `Q3 2026`, `2026`; `Oct 2026` when `short`. In French `octobre 2026`, `T3 2026`.
    public func period(_ period: Period, short: Bool = false) -> String {
        switch period.length {
        case .year: "\(period.year)"
        case .quarter: self("period.quarter", String((period.firstMonth + 2) / 3), String(period.year))
        case .month: "\((short ? shortMonthNames : monthNames)[period.firstMonth - 1]) \(period.year)"
        }
    }

    /// `4 working hours`; `4 heures ouvrables`.
    public func duration(_ duration: Duration) -> String {
        let key = switch duration.unit {
        case .minutes: "duration.minute"
        case .hours: "duration.hour"
        case .days: "duration.day"
        case .workingHours: "duration.working_hour"
        case .workingDays: "duration.working_day"
        }
        return self("\(key)_\(duration.amount == 1 ? "one" : "many")", String(duration.amount))
    }

    /// The name of a language in that language, for a switch between them: `English`, `Français`.
    public static func name(ofLanguage tag: String) -> String {
        let builtIn = Messages.builtIn(for: tag)
        return Messages.isFrench(tag) || tag == "en" || tag.hasPrefix("en-") ? builtIn["language.name"] ?? tag : tag
    }
}

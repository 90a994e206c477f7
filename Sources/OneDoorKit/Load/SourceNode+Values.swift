internal import Foundation

/// Reading a node as the value its field expects: never YAML 1.1's guesses, so `No` is text.
extension SourceNode {
    func text(_ field: String) throws(FieldError) -> String {
        guard let value = scalar else {
            throw FieldError(.fieldType, at: location, "'\(field)' must be text, not \(kindName)")
        }
        let trimmed = value.trimmed
        guard !trimmed.isEmpty else {
            throw FieldError(.invalidValue, at: location, "'\(field)' is empty; write a value or remove the field")
        }
        if let control = trimmed.unicodeScalars.first(where: Self.isHiddenControl) {
            let code = String(control.value, radix: 16, uppercase: true)
            throw FieldError(.invalidValue, at: location,
                "'\(field)' contains the invisible control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), which can make text show in a misleading order; remove it")
        }
        return trimmed
    }

    /// C0 controls other than tab and line breaks, DEL, and the bidirectional overrides and isolates
    /// ("Trojan Source"): nothing a person means to type into a field.
    private static func isHiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    func text(_ field: String, maxLength: Int) throws(FieldError) -> String {
        let value = try text(field)
        guard value.count <= maxLength else {
            throw FieldError(at: location, "'\(field)' has \(value.count) characters; shorten it to \(maxLength) at most")
        }
        return value
    }

    /// An id: lower-case letters and digits in words joined by single hyphens, at most 64 characters.
    func identifier(_ field: String) throws(FieldError) -> String {
        let value = try text(field)
        guard Identifier.isValid(value) else {
            throw FieldError(.invalidID, at: location, "'\(value)' is not a valid id: \(Identifier.rule)"
                + Identifier.suggestion(for: value))
        }
        return value
    }

    func reference(_ field: String) throws(FieldError) -> Reference {
        Reference(try identifier(field), at: location)
    }

    func integer(_ field: String, in range: ClosedRange<Int>) throws(FieldError) -> Int {
        let value = try text(field)
        guard let number = Int(value), range.contains(number) else {
            throw FieldError(at: location, "'\(field)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(value)'")
        }
        return number
    }

    /// A number in `range`, where `range` excludes its lower bound when `aboveLowerBound` is set.
    func number(_ field: String, from lower: Double, to upper: Double, aboveLower: Bool) throws(FieldError) -> Double {
        let value = try text(field)
        let allowed = Set("0123456789.")
        guard value.allSatisfy(allowed.contains), let number = Double(value),
              aboveLower ? number > lower : number >= lower, number <= upper
        else {
            let bound = aboveLower ? "greater than \(Int(lower))" : "from \(Int(lower))"
            throw FieldError(at: location, "'\(field)' must be a number \(bound) up to \(Int(upper)), such as 99.9, not '\(value)'")
        }
        return number
    }

    func day(_ field: String) throws(FieldError) -> Located<Day> {
        let value = try text(field)
        guard let day = Day(value) else {
            throw FieldError(at: location, "'\(field)' must be a real date written YYYY-MM-DD, such as 2026-05-01, not '\(value)'")
        }
        return Located(day, at: location)
    }

    func duration(_ field: String) throws(FieldError) -> Duration {
        let value = try text(field)
        guard let duration = Duration(value) else {
            throw FieldError(at: location, "'\(field)' must be a duration: a positive whole number and a unit, m, h, d, wh (working hours) or wd (working days), such as 4h or 2wd, not '\(value)'")
        }
        return duration
    }

    func webAddress(_ field: String) throws(FieldError) -> String {
        try text(field, matching: WebAddress.isHTTP, "a full web address starting with https:// or http://")
    }

    func email(_ field: String) throws(FieldError) -> String {
        try text(field, matching: WebAddress.isEmail, "an email address such as name@example.gov")
    }

    func phone(_ field: String) throws(FieldError) -> String {
        try text(field, matching: WebAddress.isPhone, "a phone number of digits, spaces and + - ( ) x, such as \"902-424-6160\"")
    }

    private func text(_ field: String, matching isValid: (String) -> Bool, _ expected: String) throws(FieldError) -> String {
        let value = try text(field)
        guard isValid(value) else { throw FieldError(at: location, "'\(field)' must be \(expected), not '\(value)'") }
        return value
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_ field: String, of _: Choice.Type) throws(FieldError) -> Choice
    where Choice.RawValue == String {
        let value = try text(field)
        guard let choice = Choice(rawValue: value) else {
            let names = Choice.allCases.map(\.rawValue)
            throw FieldError(at: location, "'\(field)' must be one of \(names.joined(separator: ", ")), not '\(value)'"
                + Suggestion.hint(for: value, among: names))
        }
        return choice
    }

    /// A list, each element read by `element`; a single value stands for a list of one.
    func list<Element>(_ field: String, _ element: (SourceNode) throws(FieldError) -> Element) throws(FieldError) -> [Element] {
        if isEmpty { return [] }
        guard let elements else {
            if scalar != nil { return [try element(self)] }
            throw FieldError(.fieldType, at: location, "'\(field)' must be a list, not \(kindName)")
        }
        var result: [Element] = []
        for node in elements { result.append(try element(node)) }
        return result
    }

    func textList(_ field: String) throws(FieldError) -> [String] {
        try list(field) { (node) throws(FieldError) in try node.text(field) }
    }
}

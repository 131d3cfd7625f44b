/// A span of time or of effort written in a plan: a number and a unit, such as `1 week`,
/// `4 hours`, `2 business days` or `6 person-weeks`.
///
/// Named `PlanDuration` so it does not hide the standard library's `Duration`.
public struct PlanDuration: Sendable, Hashable, CustomStringConvertible {
    /// The units a plan may use; singular forms are read too.
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        /// Elapsed hours.
        case hours
        /// Calendar days.
        case days
        /// Working days: five make a week.
        case businessDays = "business days"
        /// Calendar weeks.
        case weeks
        /// Effort: days of one person's work.
        case personDays = "person-days"
        /// Effort: weeks of one person's work.
        case personWeeks = "person-weeks"

        /// The singular form: `week`, `business day`.
        public var singular: String { String(rawValue.dropLast()) }

        /// True for units of effort (person-days, person-weeks) rather than elapsed time.
        public var isEffort: Bool { self == .personDays || self == .personWeeks }

        /// Elapsed hours in one unit. A business day counts as 7/5 of a calendar day, since five
        /// of them make a week; effort units count as the same span of elapsed time.
        var hours: Double {
            switch self {
            case .hours: 1
            case .days, .personDays: 24
            case .businessDays: 24 * 7 / 5
            case .weeks, .personWeeks: 168
            }
        }
    }

    /// How many units; always more than zero.
    public var amount: Double
    /// The unit.
    public var unit: Unit

    /// Creates a duration.
    public init(_ amount: Double, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Reads `<number> <unit>`: the number may have a decimal point (`1.5 weeks`); the unit is
    /// one of `Unit`, singular or plural, in any case (`person weeks` is read as `person-weeks`).
    /// - Returns: the duration, or `nil` when the text is not a positive number and a known unit.
    public static func parse(_ text: String) -> PlanDuration? {
        guard let (number, words) = splitAmountAndUnit(text), let amount = Double(number), amount > 0 else { return nil }
        var unitText = words
        if unitText.hasPrefix("person ") { unitText = "person-" + unitText.dropFirst("person ".count) }
        guard let unit = Unit.allCases.first(where: { $0.rawValue == unitText || $0.singular == unitText }) else {
            return nil
        }
        return PlanDuration(amount, unit)
    }

    /// Splits `<number> <unit words>` into the number's text and the unit's words, lowercased and
    /// joined by single spaces; `nil` when the text does not start with a number. The one reader
    /// of spans of time, shared by plan durations and review periods.
    public static func splitAmountAndUnit(_ text: String) -> (number: String, unit: String)? {
        let trimmed = text.trimmingCharacters(in: " \t").lowercased()
        guard let numberEnd = trimmed.firstIndex(where: { !($0.isASCII && ($0.isNumber || $0 == ".")) }),
            numberEnd != trimmed.startIndex
        else { return nil }
        let words = trimmed[numberEnd...].split(whereSeparator: { $0 == " " || $0 == "\t" })
        return (String(trimmed[..<numberEnd]), words.joined(separator: " "))
    }

    /// True for effort (person-days, person-weeks) rather than elapsed time.
    public var isEffort: Bool { unit.isEffort }

    /// The elapsed time in hours (see `Unit` for how business days count).
    public var hours: Double { amount * unit.hours }

    /// The elapsed time in calendar days.
    public var days: Double { hours / 24 }

    /// `1 week`, `2 business days`, `1.5 person-weeks`.
    public var description: String {
        let number = amount == amount.rounded() && amount < 1e15 ? String(Int(amount)) : String(amount)
        return "\(number) \(amount == 1 ? unit.singular : unit.rawValue)"
    }
}

/// How often a page is reviewed, written as a whole number and a calendar unit: `90 days`,
/// `2 weeks`, `6 months`, `1 year`.
///
/// Read with `PlanDuration`'s rule for `<number> <unit>` (singular or plural, any case); months
/// and years are calendar months and years, so a review is due on the same day of the month.
public struct ReviewPeriod: Sendable, Hashable, CustomStringConvertible {
    /// The calendar units a review period may use.
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        /// Calendar days.
        case days
        /// Calendar weeks of seven days.
        case weeks
        /// Calendar months.
        case months
        /// Calendar years.
        case years

        /// The singular form: `day`, `month`.
        public var singular: String { String(rawValue.dropLast()) }
    }

    /// How many units; always at least one.
    public var amount: Int
    /// The unit.
    public var unit: Unit

    /// Creates a period.
    public init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// What a period looks like, for hints.
    public static let examples = "such as '90 days', '6 months' or '1 year'"

    /// Reads `<whole number> <unit>`; `nil` for anything else (`soon`, `0 days`, `1.5 months`).
    public static func parse(_ text: String) -> ReviewPeriod? {
        guard let (number, unitText) = PlanDuration.splitAmountAndUnit(text), let amount = Int(number), amount > 0,
            amount <= 100_000,
            let unit = Unit.allCases.first(where: { $0.rawValue == unitText || $0.singular == unitText })
        else { return nil }
        return ReviewPeriod(amount, unit)
    }

    /// The day a review made on `date` falls due again.
    public func due(after date: PlanDate) -> PlanDate {
        switch unit {
        case .days: date.adding(days: amount)
        case .weeks: date.adding(days: amount * 7)
        case .months: date.adding(months: amount)
        case .years: date.adding(months: amount * 12)
        }
    }

    /// `90 days`, `1 year`.
    public var description: String { "\(amount) \(amount == 1 ? unit.singular : unit.rawValue)" }
}

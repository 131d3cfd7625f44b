public import PlaybookModel

/// The limits some rules compare against, set under `lint.limits` in `playbook.yml`.
public struct LintLimits: Sendable, Hashable {
    /// How much time to leave between the last task and `end` (rule `plan/buffer`).
    public enum Buffer: Sendable, Hashable, CustomStringConvertible {
        /// A share of the engagement's length, in percent (at least one day).
        case share(percent: Double)
        /// A fixed span of time.
        case span(PlanDuration)

        /// `10%` or `1 week`.
        public var description: String {
            switch self {
            case .share(let percent):
                (percent == percent.rounded() && percent < 1e15 ? String(Int(percent)) : String(percent)) + "%"
            case .span(let duration): duration.description
            }
        }
    }

    /// The buffer before `end`; default 10% of the engagement's length, at least one day.
    public var buffer: Buffer
    /// The rarest check-in allowed (rule `execution/check-in`); default every 2 weeks.
    public var checkIn: PlanDuration
    /// The slowest recovery response allowed (rule `execution/recovery`); default 1 business day.
    public var respondWithin: PlanDuration

    /// Creates limits; the defaults are those of docs/engagement-plans.md.
    public init(
        buffer: Buffer = .share(percent: 10), checkIn: PlanDuration = PlanDuration(2, .weeks),
        respondWithin: PlanDuration = PlanDuration(1, .businessDays)
    ) {
        self.buffer = buffer
        self.checkIn = checkIn
        self.respondWithin = respondWithin
    }

    /// The buffer in whole days for an engagement from `start` to `end`: rounded up, at least 1.
    public func bufferDays(start: PlanDate, end: PlanDate) -> Int {
        let days: Double
        switch buffer {
        case .share(let percent): days = Double(end.days(since: start)) * percent / 100
        case .span(let duration): days = duration.days
        }
        guard days.isFinite else { return 1 }
        return max(1, Int(min(days.rounded(.up), 1_000_000)))
    }
}

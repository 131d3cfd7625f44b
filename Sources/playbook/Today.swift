import Foundation
import PlaybookDiagnostics
import PlaybookModel

/// The day the lint measures reviews against: `--today YYYY-MM-DD`, else the
/// `SOURCE_DATE_EPOCH` environment variable (seconds since 1970, as reproducible builds set
/// it), else the clock, each read as a UTC day. The one place the program reads the clock for it.
enum Today {
    /// The day, from the flag, the environment or `now`.
    ///
    /// - Throws: `DiagnosticError` (usage, exit 2) when `--today` is not a real `YYYY-MM-DD`
    ///   day or `SOURCE_DATE_EPOCH` is not a whole number of seconds.
    static func resolve(
        flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()
    ) throws -> PlanDate {
        if let flag {
            guard let day = PlanDate.parse(flag) else {
                throw DiagnosticError.usage(
                    "'--today' must be a date written YYYY-MM-DD, not '\(flag)'", file: "--today",
                    hint: "such as --today 2026-06-01")
            }
            return day
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int(epoch.trimmingCharacters(in: .whitespaces)), seconds >= 0, seconds < 253_402_300_800 else {
                throw DiagnosticError.usage(
                    "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not '\(epoch)'",
                    file: "SOURCE_DATE_EPOCH", hint: "unset it, or pass --today YYYY-MM-DD")
            }
            return PlanDate(dayNumber: seconds / 86_400)
        }
        return PlanDate(dayNumber: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}

import PlaybookDiagnostics
import PlaybookModel
import Testing

/// Typed plan decoding: every node keeps its position in the file, and decoding reads on past
/// every problem.
@Suite struct EngagementPlanTests {
    static let yaml = """
        type: plan
        title: Roll-out
        customer: Acme
        accountable: Dana Reyes
        team:
          - name: Dana Reyes
            role: Lead
          - {name: Lee Park, role: IT lead, side: customer}
        start: 2026-01-12
        end: 2026-03-20
        promise:
          - id: planning-time
            outcome: Routes in under 30 minutes
            measure: Median minutes
            baseline: 240 minutes
            target: 30 minutes
            effort: 6 person-weeks
        plan:
          - id: import
            task: Import data
            owner: [Dana Reyes, Lee Park]
            due: 2026-01-30
            serves: planning-time
        execution:
          check-in: {every: 1 week, how: Call}
          recovery: {owner: Dana Reyes, respond-within: 4 hours}
        outcomes:
          - promise: planning-time
            measured-on: 2026-03-13
        """

    static func decode(_ yaml: String, lineOffset: Int = 1) throws -> (EngagementPlan, [PlanProblem]) {
        let root = try #require(try YAMLParser.parse(yaml, file: "p.md", lineOffset: lineOffset).get())
        return EngagementPlan.decode(root, file: "p.md")
    }

    @Test func decodesEveryFieldWithItsPosition() throws {
        let (plan, problems) = try Self.decode(Self.yaml)
        #expect(problems == [])
        #expect(plan.customer == .value("Acme", SourceLocation(file: "p.md", line: 4, column: 11)))
        #expect(plan.team.value?.map(\.sideOrDefault) == [.ours, .customer])
        #expect(plan.team.value?[1].location == SourceLocation(file: "p.md", line: 9, column: 5))
        #expect(plan.start.value == PlanDate(year: 2026, month: 1, day: 12))
        let promise = try #require(plan.promises.value?.first)
        #expect(promise.effort.value == PlanDuration(6, .personWeeks))
        #expect(promise.location == SourceLocation(file: "p.md", line: 13, column: 5))
        let task = try #require(plan.tasks.value?.first)
        #expect(task.owner.value?.isList == true)
        #expect(task.owner.value?.names.map(\.location.column) == [13, 25])
        #expect(task.serves.value?.map(\.value) == ["planning-time"])
        #expect(plan.execution.value?.checkIn.value?.every.value == PlanDuration(1, .weeks))
        #expect(plan.execution.value?.handoffs == .missing)
        #expect(plan.outcomes.value?.first?.measuredOn.location == SourceLocation(file: "p.md", line: 30, column: 18))
        #expect(plan.stepField("execution") == .value(true, SourceLocation(file: "p.md", line: 26, column: 3)))
    }

    @Test func decodingCollectsEveryProblemAndReadsOn() throws {
        let yaml = """
            type: plan
            title: T
            customer: Acme
            team:
              - name: Dana
                side: theirs
              - just text
            start: 2026-13-01
            end: 2026-03-20
            promise:
              - outcome: Faster
                effort: a lot
                colour: blue
            """
        let (plan, problems) = try Self.decode(yaml, lineOffset: 0)
        #expect(
            problems.map { "\($0.location.line):\($0.location.column) \($0.reason == .invalid ? "invalid" : "unknown") \($0.message)" } == [
                "5:5 invalid team member 'Dana' has no 'role'",
                "6:11 invalid 'side' of team member 'Dana' must be 'ours' or 'customer', not 'theirs'",
                "7:5 invalid team member #2 must be a mapping of keys to values, not text",
                "8:8 invalid 'start' is not a date: '2026-13-01'",
                "13:5 unknown unknown key 'colour' in promise #1",
                "12:13 invalid 'effort' is not a duration: 'a lot'",
                "11:5 invalid promise #1 has no 'id'",
                "11:5 invalid promise #1 has no 'baseline'",
            ])
        #expect(plan.end.value == PlanDate(year: 2026, month: 3, day: 20))
        #expect(plan.team.value?.count == 1)
        #expect(plan.promises.value?.first?.outcome.value == "Faster")
        #expect(problems.last?.step == "promise")
    }

    @Test func emptyValuesAreEmptyNotMissing() throws {
        let (plan, _) = try Self.decode("type: plan\naccountable:\nplan: []\n", lineOffset: 0)
        #expect(plan.accountable == .empty(SourceLocation(file: "p.md", line: 2, column: 1)))
        #expect(plan.tasks == .empty(SourceLocation(file: "p.md", line: 3, column: 1)))
        #expect(plan.customer == .missing)
    }

    @Test func datesAreStrictAndCountDays() throws {
        #expect(PlanDate.parse("2024-02-29") != nil)
        for bad in ["2026-02-29", "2026-1-5", "26-01-05", "2026-01-05T10:00", "2026/01/05", ""] {
            #expect(PlanDate.parse(bad) == nil, "\(bad)")
        }
        let start = try #require(PlanDate.parse("2026-01-12"))
        let end = try #require(PlanDate.parse("2026-03-20"))
        #expect(end.days(since: start) == 67)
        #expect(end.adding(days: -7).description == "2026-03-13")
        #expect(PlanDate(dayNumber: 0).description == "1970-01-01")
        #expect(PlanDate(dayNumber: start.dayNumber) == start)
    }

    @Test func durationsReadANumberAndAUnit() {
        #expect(PlanDuration.parse("1 week") == PlanDuration(1, .weeks))
        #expect(PlanDuration.parse("2 Business Days") == PlanDuration(2, .businessDays))
        #expect(PlanDuration.parse("1.5 person weeks") == PlanDuration(1.5, .personWeeks))
        #expect(PlanDuration.parse("4 hours")?.hours == 4)
        #expect(PlanDuration.parse("10 business days")?.hours == PlanDuration(2, .weeks).hours)
        for bad in ["weekly", "1", "week", "0 days", "-1 days", "1 fortnight", "1e3 days"] {
            #expect(PlanDuration.parse(bad) == nil, "\(bad)")
        }
        #expect(PlanDuration(1, .businessDays).description == "1 business day")
        #expect(PlanDuration(3, .personWeeks).description == "3 person-weeks")
    }
}

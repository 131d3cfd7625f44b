import PlaybookModel
@testable import PlaybookDiagrams

/// Engagement plans for the plan diagrams' tests, as front matter YAML.
enum PlanFixtures {
    /// One promise, one task, one outcome, over 20 days (a 2-day buffer by default).
    static let tiny = """
        type: plan
        title: Tiny
        customer: Acme
        accountable: Dana
        team:
          - {name: Dana, role: Lead}
        start: 2026-01-05
        end: 2026-01-25
        promise:
          - {id: speed, outcome: Faster quotes, measure: Days, baseline: 5 days, target: 2 days, effort: 1 person-week}
        plan:
          - {id: build, task: Build it, owner: Dana, due: 2026-01-15, serves: [speed]}
        outcomes:
          - {promise: speed, measured-on: 2026-01-24, result: 2 days}

        """

    /// Every kind of broken link, and a task due inside the buffer.
    static let broken = """
        type: plan
        title: Broken
        start: 2026-03-02
        end: 2026-04-30
        promise:
          - {id: speed, outcome: Faster quotes, target: 2 days}
          - {id: cost, outcome: Cheaper quotes, target: 10% less}
        plan:
          - {id: build, task: Build it, owner: Dana, due: 2026-03-20, serves: [speed, sped]}
          - {id: docs, task: Write the guide, owner: Sam, due: 2026-04-29, serves: []}
          - {id: undated, task: Celebrate, owner: Sam, serves: [speed]}
        outcomes:
          - {promise: speed, measured-on: 2026-04-28}
          - {promise: cots, measured-on: 2026-04-29}

        """

    static func plan(_ yaml: String) -> EngagementPlan? { Spec.plan(yaml) }
    static func facts(_ yaml: String) -> PlanFacts? { plan(yaml).map(PlanFacts.init) }
}

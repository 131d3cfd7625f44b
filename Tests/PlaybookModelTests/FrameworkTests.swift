import PlaybookDiagnostics
import PlaybookModel
import Testing

@Suite struct FrameworkTests {
    @Test func readsStepsAndBehavioursInOrder() {
        let yaml = """
            steps:
              - {id: promise, title: The Promise, question: "What?", page: framework/promise.md}
              - {id: plan, title: The Plan, question: "How?", page: framework/plan.md}
            behaviours:
              - {id: trust, title: Build trust, page: principles/behaviours.md#build-trust}
            """
        let (framework, problems) = Framework.parse(yaml, file: "content/framework.yml")
        #expect(problems.isEmpty)
        #expect(framework?.steps.map(\.id) == ["promise", "plan"])
        #expect(framework?.step("plan")?.title == "The Plan")
        #expect(framework?.behaviours.first?.page == "principles/behaviours.md#build-trust")
        #expect(framework?.steps[1].location == SourceLocation(file: "content/framework.yml", line: 3, column: 5))
    }

    @Test func missingFieldsAreReportedAtTheEntry() {
        let yaml = "steps:\n  - id: promise\n    title: The Promise\n    page: p.md\n"
        let (framework, problems) = Framework.parse(yaml, file: "f.yml")
        #expect(framework?.steps.isEmpty == true)
        #expect(problems.map(\.description).contains("f.yml:2:5: error: this entry has no 'question' [framework/invalid]"))
    }
}

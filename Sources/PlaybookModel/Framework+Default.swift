internal import PlaybookDiagnostics

extension Framework {
    /// The framework's four steps as the plan format names them, for a site without
    /// `content/framework.yml` (and for any step id that file leaves out).
    public static let standard = Framework(
        steps: [
            Step(
                id: "promise", title: "The Promise",
                question: "How does what we offer match the outcomes this customer expects, and how much effort will it take to reach them?",
                page: "framework/promise.md", location: SourceLocation(file: "framework.yml")),
            Step(
                id: "plan", title: "The Plan",
                question: "Which tasks, people and resources, by which dates and to which specification, will meet or beat those outcomes?",
                page: "framework/plan.md", location: SourceLocation(file: "framework.yml")),
            Step(
                id: "execution", title: "Execution",
                question: "How do we carry out the plan together with the customer, without waste and with empathy?",
                page: "framework/execution.md", location: SourceLocation(file: "framework.yml")),
            Step(
                id: "outcomes", title: "Outcomes",
                question: "How do we measure the results, and raise them, to prove we delivered what the Promise said?",
                page: "framework/outcomes.md", location: SourceLocation(file: "framework.yml")),
        ],
        behaviours: [])
}

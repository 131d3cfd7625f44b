internal import PlaybookDiagnostics
internal import PlaybookModel

/// `promise/vague`: outcomes and targets use words a customer can read their own way.
struct PromiseVagueRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "promise/vague"
    let defaultSeverity = Severity.warning
    let summary =
        "An `outcome` or `target` leans on words a customer reads their own way: soon, ASAP, quickly, as needed, best effort, TBD, improve(d) with no number, etc."
    let rationale = """
        Words like "soon", "as needed" or "improved" feel like commitments but mean something \
        different to each reader, and the customer's meaning is always the generous one. Replace \
        them with a number the customer can check.
        """
    let step: String? = "promise"
    let enforces = "framework/promise.md#pitfalls"
    let failingExample = """
        promise:
          - id: planning-time
            outcome: Dispatchers plan their routes quickly
            target: Improved planning time
        """
    let passingExample = """
        promise:
          - id: planning-time
            outcome: Dispatchers plan a day's routes in under 30 minutes
            target: 30 minutes
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        for promise in input.promises {
            for (key, field) in [("outcome", promise.outcome), ("target", promise.target)] {
                guard let text = field.located, let words = VagueWords.find(in: text.value) else { continue }
                findings.append(
                    RuleFinding(
                        at: text.location,
                        "the \(key) of promise \(promise.label) leans on \(words.map { "'\($0)'" }.joined(separator: ", ")), which a customer can read their own way",
                        hint: "replace it with a number the customer can check, such as 'in under 30 minutes'"))
            }
        }
        return findings
    }
}

/// The words `promise/vague` looks for.
enum VagueWords {
    /// Vague whatever the rest of the text says.
    static let always = [
        "soon", "asap", "as soon as possible", "quickly", "promptly", "as needed", "as required", "as appropriate",
        "when possible", "where possible", "if possible", "as much as possible", "best effort", "best efforts",
        "tbd", "tbc", "to be decided", "to be determined", "to be confirmed", "reasonable", "reasonably", "timely",
        "in due course", "etc", "and so on", "significant", "significantly", "substantially", "seamless",
        "seamlessly", "user-friendly", "world-class", "state-of-the-art", "optimal", "fast",
    ]
    /// Vague only when the text has no number.
    static let withoutNumber = [
        "improve", "improves", "improved", "improvement", "improvements", "increase", "increased", "reduce",
        "reduced", "better", "faster", "fewer", "more", "less", "higher", "lower", "enhance", "enhanced",
        "minimise", "minimize", "maximise", "maximize", "optimise", "optimize", "optimised", "optimized",
        "streamline", "streamlined",
    ]
    /// Number words that count as a number.
    static let numberWords: Set<String> = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "twenty", "thirty", "fifty", "hundred", "thousand", "half", "twice", "double", "triple",
    ]

    /// `always` and `withoutNumber` as token sequences, built once.
    static let alwaysTokens = always.map { $0.split(separator: " ").map(String.init) }
    static let withoutNumberTokens = withoutNumber.map { [$0] }

    /// The vague words and phrases in `text`, in the order of the lists; `nil` when there are none.
    static func find(in text: String) -> [String]? {
        var tokens: [String] = []
        var current = ""
        var hasNumber = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" {
                current.append(character)
                if character.isNumber { hasNumber = true }
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        hasNumber = hasNumber || tokens.contains { numberWords.contains($0) }
        func occurs(_ phrase: [String]) -> Bool {
            guard let first = phrase.first, phrase.count <= tokens.count else { return false }
            for start in tokens.indices where tokens[start] == first && start + phrase.count <= tokens.count {
                if tokens[start..<(start + phrase.count)].elementsEqual(phrase) { return true }
            }
            return false
        }
        var found = zip(always, alwaysTokens).filter { occurs($0.1) }.map(\.0)
        if !hasNumber { found += zip(withoutNumber, withoutNumberTokens).filter { occurs($0.1) }.map(\.0) }
        return found.isEmpty ? nil : found
    }
}

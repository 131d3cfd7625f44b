public import PlaybookDiagnostics

/// The playbook's framework as data, from `content/framework.yml`: the steps in order and the
/// behaviours under them. The lint, the diagrams and the site all read this one value.
public struct Framework: Sendable, Hashable {
    /// One step of the framework (The Promise, The Plan…).
    public struct Step: Sendable, Hashable {
        /// Stable id used by plans and lint messages: `promise`.
        public var id: String
        /// Display title: `The Promise`.
        public var title: String
        /// The question the step answers.
        public var question: String
        /// The page that teaches it, relative to content, optionally with `#anchor`.
        public var page: String
        /// Where the step is written in `framework.yml`.
        public var location: SourceLocation
    }

    /// One behaviour under the framework.
    public struct Behaviour: Sendable, Hashable {
        /// Stable id: `trust`.
        public var id: String
        /// Display title: `Build trust`.
        public var title: String
        /// The page that teaches it, relative to content, optionally with `#anchor`.
        public var page: String
        /// Where it is written in `framework.yml`.
        public var location: SourceLocation
    }

    /// The steps, in order.
    public var steps: [Step]
    /// The behaviours, in order.
    public var behaviours: [Behaviour]

    /// Creates a framework.
    public init(steps: [Step], behaviours: [Behaviour]) {
        self.steps = steps
        self.behaviours = behaviours
    }

    /// The step with the given id.
    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }

    /// Reads `framework.yml`.
    ///
    /// - Returns: the framework (`nil` when the file cannot be used at all) and every problem,
    ///   each at the node it concerns.
    public static func parse(_ text: String, file: String) -> (Framework?, [Diagnostic]) {
        let root: YAMLNode?
        switch YAMLParser.parse(text, file: file) {
        case .success(let node): root = node
        case .failure(let problem): return (nil, [problem])
        }
        guard let root, root.mapping != nil else {
            return (nil, [.error("framework/invalid", at: SourceLocation(file: file, line: 1), "the framework must be a mapping with 'steps' and 'behaviours'")])
        }
        var reader = FieldReader(file: file)
        var steps: [Step] = []
        var behaviours: [Behaviour] = []
        for (key, value) in root.mapping ?? [] {
            switch key.scalarText {
            case "steps":
                for entry in entries(value, key: "steps", reader: &reader) {
                    let fields = fields(entry, required: ["id", "title", "question", "page"], reader: &reader)
                    guard let id = fields["id"], let title = fields["title"], let question = fields["question"],
                        let page = fields["page"]
                    else { continue }
                    steps.append(Step(id: id, title: title, question: question, page: page, location: entry.location))
                }
            case "behaviours":
                for entry in entries(value, key: "behaviours", reader: &reader) {
                    let fields = fields(entry, required: ["id", "title", "page"], reader: &reader)
                    guard let id = fields["id"], let title = fields["title"], let page = fields["page"] else { continue }
                    behaviours.append(Behaviour(id: id, title: title, page: page, location: entry.location))
                }
            default:
                reader.unknownKey(key, known: ["steps", "behaviours"], in: "framework.yml")
            }
        }
        if steps.isEmpty {
            reader.error("framework/invalid", at: root, "the framework has no steps")
        }
        return (Framework(steps: steps, behaviours: behaviours), reader.problems)
    }

    private static func entries(_ node: YAMLNode, key: String, reader: inout FieldReader) -> [YAMLNode] {
        guard let items = node.sequence else {
            reader.wrongType(node, key: key, expected: "a list")
            return []
        }
        return items
    }

    /// The required text fields of an entry; a missing or non-text field is reported.
    private static func fields(_ entry: YAMLNode, required: [String], reader: inout FieldReader) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in reader.mapping(entry, key: "entry") {
            guard let name = key.scalarText else { continue }
            if required.contains(name) {
                result[name] = reader.string(value, key: name)
            } else {
                reader.unknownKey(key, known: required, in: "framework.yml")
            }
        }
        for name in required where result[name] == nil {
            reader.error("framework/invalid", at: entry, "this entry has no '\(name)'")
        }
        return result
    }
}

public import PlaybookDiagnostics
public import PlaybookModel
internal import Foundation

/// The `lint:` section of `playbook.yml`:
///
/// ```yaml
/// lint:
///   fail-build: true          # false: lint errors are reported but do not fail the build
///   rules:
///     promise/vague: error    # off, warning or error
///   limits:
///     buffer: 10%             # or a span: 1 week
///     check-in: 2 weeks
///     respond-within: 1 business day
/// ```
public struct LintConfig: Sendable, Hashable {
    /// What the configuration sets a rule to.
    public enum Setting: String, Sendable, Hashable, CaseIterable {
        /// The rule does not run.
        case off
        /// Findings are reported and fail only `--strict` runs.
        case warning
        /// Findings fail the run (and the build, unless `fail-build: false`).
        case error
    }

    /// Severities set per rule id; rules not listed keep their default.
    public var settings: [String: Setting]
    /// The limits in force.
    public var limits: LintLimits
    /// When false, `playbook build` reports lint errors but still writes the site.
    public var failBuild: Bool

    /// The diagnostic code of problems in the configuration itself.
    public static let problemCode = "lint/config"

    /// Creates a configuration; by default every rule has its default severity.
    public init(settings: [String: Setting] = [:], limits: LintLimits = LintLimits(), failBuild: Bool = true) {
        self.settings = settings
        self.limits = limits
        self.failBuild = failBuild
    }

    /// The severity a rule reports at, or `nil` when it is turned off.
    public func severity(of rule: any LintRule) -> Severity? {
        switch settings[rule.id] {
        case .off?: nil
        case .warning?: .warning
        case .error?: .error
        case nil: rule.defaultSeverity
        }
    }

    /// Reads the `lint:` node of `playbook.yml` (`nil` when there is none).
    ///
    /// - Returns: the configuration (defaults for anything unreadable) and an error, at its
    ///   line, for every unknown key, unknown rule id or bad value.
    public static func parse(_ node: YAMLNode?, ruleIDs: [String] = LintRegistry.ruleIDs) -> (LintConfig, [Diagnostic]) {
        var config = LintConfig()
        guard let node, !node.isNull else { return (config, []) }
        var reader = FieldReader(file: node.location.file, vocabulary: .lintConfig)
        guard let pairs = node.mapping else {
            reader.wrongType(node, key: "lint", expected: "a mapping with 'rules', 'limits' or 'fail-build'")
            return (config, reader.problems)
        }
        let known = ["rules", "limits", "fail-build"]
        for (key, value) in pairs {
            switch key.scalarText {
            case "fail-build":
                if let flag = value.bool { config.failBuild = flag } else {
                    reader.wrongType(value, key: "lint.fail-build", expected: "true or false")
                }
            case "rules":
                readRules(value, ruleIDs: ruleIDs, into: &config, reader: &reader)
            case "limits":
                readLimits(value, into: &config, reader: &reader)
            default:
                reader.unknownKey(key, known: known, in: "'lint'")
            }
        }
        return (config, reader.problems)
    }

    private static func readRules(
        _ node: YAMLNode, ruleIDs: [String], into config: inout LintConfig, reader: inout FieldReader
    ) {
        func problem(_ node: YAMLNode, _ message: String, _ hint: String?) { reader.error(problemCode, at: node, message, hint: hint) }
        guard let pairs = node.mapping else {
            if !node.isNull { problem(node, "'lint.rules' must map rule ids to off, warning or error, not \(node.kindDescription)", "write one 'rule-id: off' line per rule") }
            return
        }
        for (key, value) in pairs {
            let id = key.scalarText ?? "?"
            guard ruleIDs.contains(id) else {
                problem(key, "unknown lint rule '\(id)'", FieldReader.unknownKeyHint(id, known: ruleIDs, fallback: "the rules are listed at /lint/"))
                continue
            }
            // YAML 1.1 reads a bare `off` as false; the text is what was written.
            guard let text = value.scalarText, let setting = Setting(rawValue: text.lowercased()) else {
                let shown = value.scalarText.map { "'\($0)'" } ?? value.kindDescription
                problem(value, "the severity of '\(id)' must be off, warning or error, not \(shown)", Suggestions.didYouMean(value.scalarText ?? "", in: Setting.allCases.map(\.rawValue)))
                continue
            }
            config.settings[id] = setting
        }
    }

    private static func readLimits(_ node: YAMLNode, into config: inout LintConfig, reader: inout FieldReader) {
        func problem(_ node: YAMLNode, _ message: String, _ hint: String?) { reader.error(problemCode, at: node, message, hint: hint) }
        let known = ["buffer", "check-in", "respond-within"]
        guard let pairs = node.mapping else {
            if !node.isNull { reader.wrongType(node, key: "lint.limits", expected: "a mapping of limits", hint: "known limits: buffer, check-in, respond-within") }
            return
        }
        for (key, value) in pairs {
            let name = key.scalarText ?? "?"
            guard known.contains(name) else {
                reader.unknownKey(key, known: known, in: "'lint.limits'", noun: "limit")
                continue
            }
            let text = value.scalarText ?? ""
            if name == "buffer", text.hasSuffix("%") {
                if let percent = Double(text.dropLast().trimmingCharacters(in: .whitespaces)), percent > 0, percent < 100 {
                    config.limits.buffer = .share(percent: percent)
                } else {
                    problem(value, "'lint.limits.buffer' must be a share between 0% and 100% or a span of time, not '\(text)'", "such as '10%' or '1 week'")
                }
                continue
            }
            guard let duration = PlanDuration.parse(text), !duration.isEffort else {
                let shown = value.scalarText.map { "'\($0)'" } ?? value.kindDescription
                problem(value, "'lint.limits.\(name)' must be a span of time, not \(shown)", name == "buffer" ? "such as '10%' or '1 week'" : "such as '2 weeks' or '1 business day'")
                continue
            }
            switch name {
            case "buffer": config.limits.buffer = .span(duration)
            case "check-in": config.limits.checkIn = duration
            default: config.limits.respondWithin = duration
            }
        }
    }
}

extension FieldReader.Vocabulary {
    /// The `lint:` section of `playbook.yml`: every problem, unknown keys too, is a `lint/config`
    /// error.
    static let lintConfig = FieldReader.Vocabulary(
        unknownKeyCode: LintConfig.problemCode, unknownKeySeverity: .error, unknownKeySuffix: "",
        typeCode: LintConfig.problemCode, valueCode: LintConfig.problemCode)
}

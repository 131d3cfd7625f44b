import PlaybookModel
import Testing

/// Plain scalars resolve as Yams' default resolver would (YAML 1.1 booleans, sexagesimal
/// numbers, timestamps); quoted scalars are always text.
@Suite struct YAMLScalarKindTests {
    static let cases: [(String, YAMLNode.ScalarKind)] = [
        ("~", .null), ("null", .null), ("NULL", .null), ("Nul", .string),
        ("yes", .bool), ("Off", .bool), ("TRUE", .bool), ("yEs", .string), ("y", .string),
        ("0", .int), ("-12", .int), ("1_000", .int), ("0b101", .int), ("0o17", .int), ("017", .int), ("0x1F", .int),
        ("190:20:30", .int), ("08", .float), ("1:60", .string), ("0b2", .string),
        ("1.5", .float), (".5", .float), ("1e5", .float), ("1.", .float), (".inf", .float), ("-.Inf", .float),
        (".NaN", .float), ("190:20:30.15", .float), ("1.e", .string),
        ("2026-01-12", .timestamp), ("2026-1-5", .string), ("2026-01-12T10:00:00", .timestamp),
        ("2001-12-14 21:59:43.10 -5:30", .timestamp), ("2026-01-12T10:00", .string),
        ("1 week", .string), ("Dana Reyes", .string), ("<<", .string), ("12abc", .string),
    ]

    @Test(arguments: cases.map(\.0))
    func plainScalarsResolveLikeYAML11(text: String) throws {
        let expected = try #require(Self.cases.first { $0.0 == text }).1
        let root = try #require(try YAMLParser.parse("key: \(text)\n", file: "t.yml").get())
        guard case .scalar(_, let kind, _)? = root["key"] else {
            Issue.record("no scalar for \(text)")
            return
        }
        #expect(kind == expected)
    }

    @Test func quotedAndTaggedScalarsKeepTheirKind() throws {
        let root = try #require(try YAMLParser.parse("a: 'yes'\nb: \"12\"\nc: !!str 12\nd: !!int '7'\n", file: "t.yml").get())
        for (key, kind) in [("a", YAMLNode.ScalarKind.string), ("b", .string), ("c", .string), ("d", .int)] {
            guard case .scalar(_, let actual, _)? = root[key] else {
                Issue.record("no scalar at \(key)")
                continue
            }
            #expect(actual == kind, "\(key)")
        }
    }
}

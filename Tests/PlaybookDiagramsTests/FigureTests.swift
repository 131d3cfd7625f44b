import Foundation
import PlaybookDiagnostics
import PlaybookModel
@testable import PlaybookDiagrams
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What every kind's figure must be: accessible, escaped, scalable, themable and deterministic.
@Suite struct FigureTests {
    static let hostile = #"<script>alert(1)</script> "><img src=x onerror=alert(1)> Tom & 'Jerry'"#
    static let quoted = "'" + hostile.replacingOccurrences(of: "'", with: "''") + "'"

    static let hostileFramework = Framework.parse(
        """
        steps:
          - {id: a, title: \(quoted), question: \(quoted), page: a.md}
          - {id: b, title: B, question: "Why?", page: b.md}
        behaviours:
          - {id: t, title: \(quoted), page: t.md}
        """, file: "f.yml"
    ).0

    static let hostilePlan = Spec.plan(
        """
        type: plan
        title: \(quoted)
        start: 2026-01-05
        end: 2026-03-25
        promise:
          - {id: a, outcome: \(quoted), target: \(quoted)}
        plan:
          - {id: t, task: \(quoted), owner: \(quoted), due: 2026-03-24, serves: [a, \(quoted)]}
        outcomes:
          - {promise: a, measured-on: 2026-03-25, result: \(quoted)}
          - {promise: \(quoted), measured-on: 2026-03-25}
        """)

    /// One spec per kind with the hostile text in every label it has.
    static let hostileSpecs: [String] = [
        "kind: cycle\ntitle: \(quoted)\ndescription: \(quoted)\nsteps: [\(quoted), B]\nfoundation: [\(quoted)]\n",
        "kind: flow\ntitle: \(quoted)\nlanes: [\(quoted), B]\nsteps:\n  - {label: \(quoted), lane: \(quoted)}\n  - {label: x, lane: B}\nowner: \(quoted)\n",
        "kind: pyramid\ntitle: \(quoted)\nlayers: [\(quoted), B]\n",
        "kind: framework\ntitle: \(quoted)\n",
        "kind: traceability\ntitle: \(quoted)\n",
        "kind: timeline\ntitle: \(quoted)\n",
    ]

    static let shippedSpecs: [String] = [
        "kind: cycle\ntitle: The engagement framework\nsteps: [Promise, Plan, Execution, Outcomes]\nfoundation: [Build trust, Handle conflict constructively, Commit to joint outcomes, Hold each other accountable, Focus on the joint result]\n",
        "kind: flow\ntitle: One owner across the handoff\nlanes: [Sales, Delivery, Partner]\nsteps:\n  - {label: Scope agreed, lane: Sales}\n  - {label: Kick-off, lane: Delivery}\n  - {label: Data migrated, lane: Partner}\n  - {label: Installation, lane: Partner}\n  - {label: Go-live, lane: Delivery}\nowner: \"Engagement lead: one accountable owner\"\n",
        "kind: pyramid\ntitle: The five behaviours\nlayers: [Build trust, Handle conflict constructively, Commit to mutually beneficial outcomes, Hold each other accountable, Focus on the joint result]\n",
        "kind: framework\ntitle: The engagement framework\n",
    ]

    static func render(_ spec: String) -> String {
        Spec.figure(spec, framework: hostileFramework, plan: hostilePlan)
    }

    @Test(arguments: hostileSpecs)
    func hostileLabelsAreEscapedEverywhere(spec: String) throws {
        let html = Self.render(spec)
        #expect(html.hasPrefix("<figure class=\"diagram diagram-"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("& "))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") || html.contains("onerror=alert(1)&gt;"))
        #expect(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; Tom &amp; &#39;Jerry&#39;</title>"))
    }

    @Test(arguments: hostileSpecs + shippedSpecs)
    func everyDrawingIsAnAccessibleScalableSVG(spec: String) throws {
        let html = Self.render(spec)
        let svgs = html.components(separatedBy: "<svg ").dropFirst()
        #expect(svgs.count == 2)
        #expect(html.contains("<svg class=\"diagram-wide\" role=\"img\" viewBox=\"0 0 "))
        #expect(html.contains("<svg class=\"diagram-narrow\" role=\"img\" viewBox=\"0 0 "))
        for svg in svgs {
            let start = svg.prefix(while: { $0 != ">" })
            #expect(!start.contains("width=") && !start.contains("height="), "no fixed size: \(start)")
            #expect(svg.contains("<title>") && svg.contains("<desc>"))
            #expect(svg.contains("<text "))
        }
        // Colours come from the stylesheet: no colour values of our own, no ids to collide, no script.
        #expect(html.range(of: "(?<!&)#[0-9a-fA-F]{3,6}\\b", options: .regularExpression) == nil)
        #expect(!html.contains(" id=") && !html.contains("style=") && !html.contains("<script"))
        let fills = Set(html.matches(of: /fill="([^"]*)"/).map { String($0.output.1) })
        #expect(fills.isSubset(of: ["none", "currentColor"]))
    }

    @Test(arguments: hostileSpecs + shippedSpecs)
    func theSameSpecGivesTheSameBytes(spec: String) {
        let first = Self.render(spec)
        let again = (0..<3).map { _ in Self.render(spec) }
        #expect(again.allSatisfy { $0 == first })
        // Parsing a copy of the text built another way changes nothing either.
        #expect(Self.render(String(spec.unicodeScalars.map(Character.init))) == first)
    }

    @Test(arguments: hostileSpecs + shippedSpecs)
    func everyNumberHasOneShortStableForm(spec: String) {
        let html = Self.render(spec)
        let attributes = html.matches(of: /\s(?:x|y|width|height|rx|font-size|points|d|viewBox)="([^"]*)"/).map { String($0.output.1) }
        #expect(attributes.count > 20)
        for value in attributes {
            let tokens = value.split(whereSeparator: { " ,MLA".contains($0) })
            for token in tokens {
                #expect(token.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[1-9])?/) != nil, "'\(token)' in '\(value)'")
            }
        }
    }

    #if canImport(FoundationXML) || canImport(Darwin)
        @Test(arguments: hostileSpecs + shippedSpecs)
        func eachDrawingIsWellFormedXML(spec: String) throws {
            let html = Self.render(spec)
            let data = Data(("<root>" + html + "</root>").utf8)
            let parser = XMLParser(data: data)
            let collector = TextCollector()
            parser.delegate = collector
            #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
            // The hostile text comes back out as text, never as markup.
            if spec.contains("script") { #expect(collector.text.contains(Self.hostile)) }
            #expect(collector.elements.isSubset(of: ["root", "figure", "svg", "title", "desc", "g", "rect", "polygon", "path", "text", "tspan"]))
        }
    #endif
}

/// Gathers element names and text while parsing.
final class TextCollector: NSObject, XMLParserDelegate, @unchecked Sendable {
    var text = ""
    var elements: Set<String> = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.insert(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

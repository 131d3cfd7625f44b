public import PlaybookBuild
public import Foundation
internal import PlaybookHighlight
internal import PlaybookStemmer

/// A site made for a test in a fresh temporary folder from a `[path: text]` map, removed when
/// the value is released.
public final class FixtureSite: @unchecked Sendable {
    /// The site folder (holds `content/`, `templates/`, `playbook.yml`).
    public let root: String
    /// The default output folder, `public/` in the site folder.
    public var output: String { root + "/public" }

    /// Small templates that print every value the tests look at, in a stable form.
    public static let minimalTemplates: [String: String] = [
        "templates/base.mustache": """
            <!doctype html><html lang="{{site.language}}"><head><title>{{page.title}}</title>\
            <link rel="stylesheet" href="{{assets}}style.css"></head><body>
            <nav>{{{navigation}}}</nav>
            {{#hasBreadcrumbs}}<ol class="crumbs">{{#breadcrumbs}}<li><a href="{{url}}">{{title}}</a></li>{{/breadcrumbs}}</ol>{{/hasBreadcrumbs}}
            {{#hasToc}}<ul class="toc">{{#toc}}<li><a href="#{{id}}">{{text}}</a>{{#hasItems}}<ul>{{#items}}<li><a href="#{{id}}">{{text}}</a></li>{{/items}}</ul>{{/hasItems}}</li>{{/toc}}</ul>{{/hasToc}}
            <main>{{$main}}{{/main}}</main>
            {{#prev}}<a rel="prev" href="{{url}}">{{title}}</a>{{/prev}}
            {{#next}}<a rel="next" href="{{url}}">{{title}}</a>{{/next}}
            </body></html>
            """,
        "templates/partials/nav.mustache": "<ul>{{#nav}}{{>partials/nav-item}}{{/nav}}</ul>",
        "templates/partials/nav-item.mustache":
            "<li><a href=\"{{url}}\">{{title}}</a>{{#hasItems}}<ul>{{#items}}{{>partials/nav-item}}{{/items}}</ul>{{/hasItems}}</li>",
        "templates/page.mustache": "{{<base}}{{$main}}<h1{{#page.titleId}} id=\"{{page.titleId}}\"{{/page.titleId}}>{{page.title}}</h1>{{{page.content}}}{{/main}}{{/base}}",
        "templates/section.mustache":
            "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}<ul class=\"children\">{{#children}}<li><a href=\"{{url}}\">{{title}}</a></li>{{/children}}</ul>{{/main}}{{/base}}",
        "templates/home.mustache": "{{<base}}{{$main}}<h1>{{site.title}}</h1>{{{page.content}}}{{/main}}{{/base}}",
        "templates/404.mustache": "{{<base}}{{$main}}<h1>Not found</h1>{{/main}}{{/base}}",
        "templates/assets/style.css": "body { color: black; }\n",
    ]

    /// Creates the site; `files` are added to (and override) the minimal templates unless
    /// `withTemplates` is false.
    public init(_ files: [String: String], withTemplates: Bool = true) throws {
        let base = FileManager.default.temporaryDirectory.path
        root = base + "/playbook-fixture-" + UUID().uuidString
        var all = withTemplates ? Self.minimalTemplates : [:]
        for (path, text) in files { all[path] = text }
        for (path, text) in all { try write(path, text) }
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes (or replaces) a file of the site.
    public func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    /// Writes raw bytes to a file of the site.
    public func write(_ path: String, _ data: Data) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: full).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
    }

    /// Removes a file or folder of the site.
    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + path)
    }

    /// Builds the site as `playbook build` does (fenced code coloured); with `write` false
    /// nothing is written to disk.
    public func build(baseURL: String? = nil, drafts: Bool = false, write: Bool = true, output: String? = nil) throws
        -> BuildResult
    {
        var options = BuildOptions(
            source: root, output: write ? (output ?? self.output) : nil, baseURL: baseURL, includeDrafts: drafts)
        options.codeColouring = CodeHighlighter()
        options.stemming = SnowballStemming()
        return try SiteBuilder(options: options).build()
    }

    /// The text of a built file, by output path: in memory, or in the output folder for a page
    /// written there as it rendered.
    public static func text(_ result: BuildResult, _ path: String) -> String? {
        for file in result.files where file.path == path {
            switch file.contents {
            case .text(let text): return text
            case .written: return result.output.flatMap { try? String(contentsOfFile: $0 + "/" + path, encoding: .utf8) }
            case .copy, .link: return nil
            }
        }
        return nil
    }

    /// Every file under `folder` with its bytes, keyed by relative path.
    public static func snapshot(of folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            let full = folder + "/" + path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = FileManager.default.contents(atPath: full)
            }
        }
        return result
    }
}

/// A page file with front matter, for fixture maps.
public func page(_ title: String, weight: Int? = nil, extra: String = "", _ body: String = "") -> String {
    var text = "---\ntitle: \(title)\n"
    if let weight { text += "weight: \(weight)\n" }
    text += extra
    text += "---\n" + body
    return text
}

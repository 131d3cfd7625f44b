internal import PlaybookDiagnostics
internal import PlaybookModel

/// The redirects of the pages' aliases: at each old address a small page that sends the reader
/// to the new one without a server (`<meta http-equiv="refresh">`, `rel=canonical`, a visible
/// link, `noindex`), and `_redirects`, the list Netlify and Cloudflare Pages read to answer with
/// a real 301. Both honour the base path. The aliases were checked when the site was assembled:
/// each is a path inside the site that no page, file or other alias takes.
enum Redirects {
    static func files(for site: Site) -> [OutputFile] {
        let base = site.config.basePath
        var files: [OutputFile] = []
        var lines: [String] = []
        for page in site.pages {
            let target = base + page.url.dropFirst()
            for alias in page.aliases {
                files.append(OutputFile(
                    path: alias.outputPath, contents: .text(html(to: target, title: page.title, language: site.config.language))))
                lines.append("\(base)\(PageLocation.percentEncode(String(alias.path.dropFirst()))) \(target) 301")
            }
        }
        guard !lines.isEmpty else { return [] }
        files.append(OutputFile(path: "_redirects", contents: .text(lines.sorted().joined(separator: "\n") + "\n")))
        return files
    }

    /// The page written at an old address.
    static func html(to target: String, title: String, language: String) -> String {
        let url = escapeHTML(target)
        let name = escapeHTML(title)
        return """
            <!doctype html>
            <html lang="\(escapeHTML(language))">
            <head>
            <meta charset="utf-8">
            <title>Moved: \(name)</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="\(url)">
            <meta http-equiv="refresh" content="0; url=\(url)">
            </head>
            <body>
            <p>This page has moved to <a href="\(url)">\(name)</a>.</p>
            </body>
            </html>

            """
    }
}

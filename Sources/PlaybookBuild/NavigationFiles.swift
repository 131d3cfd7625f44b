internal import PlaybookModel
internal import PlaybookRender

/// The sidebar scripts: one file per section under `assets/nav/` (see `NavigationScript`), so
/// a page carries `<script src>` instead of the whole sidebar (on a 10,000-page site the
/// sidebar was three quarters of every page's bytes), and, when the template lets the sidebar
/// be split, one file all pages share, with what every section's sidebar holds: the closed
/// top-level entries (see `SidebarScripts`). A section's file then carries only its open
/// entry (on the 10,000-page bench, 200 sections: the files went from 5.45 MB to 1.15 MB).
///
/// Each page loads the scripts from its `<nav>`, the shared one first, as classic scripts: the
/// parser waits for each, so the sidebar is in the page before anything after it is parsed or
/// painted (no flash), and the browser keeps the files for the other pages (the shared one for
/// the whole site). The section's script inserts the section's sidebar where it stands and
/// marks the link to the page being read `aria-current="page"`, comparing paths without
/// `index.html` and trailing slashes, so the site can be served from any base path.
enum NavigationFiles {
    /// The shared script, when there is one, then one text file per section, in section order
    /// (made on all cores: megabytes of sidebars on a site of 200 sections).
    static func files(for renderer: SiteRenderer, keptIn folder: String?) -> [OutputFile] {
        // The same navigation and templates as the build that wrote `folder`: its files are
        // these, byte for byte (a tenth of a one-page rebuild's CPU on the 10,000-page bench
        // went to making them again).
        if let folder {
            return renderer.sidebarScriptPaths().map { OutputFile(path: $0, contents: .link(from: PathText.join(folder, $0))) }
        }
        let scripts = renderer.sidebarScripts()
        let sections = scripts.sections.parallelMap { section in
            let text = scripts.shared == nil ? script(inserting: section.sidebar) : call(inserting: section.sidebar)
            return OutputFile(path: section.path, contents: .text(text))
        }
        guard let shared = scripts.shared else { return sections }
        return [OutputFile(path: shared.path, contents: .text(script(sharing: shared)))] + sections
    }

    /// The script that inserts `html` before itself and marks the current page's link: a
    /// section's, when nothing is shared.
    static func script(inserting html: String) -> String {
        "(function (html) {\n" + insertion + "})(" + literal(html) + ");\n"
    }

    /// `script(inserting:)` for a sidebar that no shared part holds (its pieces did not check
    /// out, the template did not split it).
    private static func script(inserting sidebar: SidebarScripts.Sidebar) -> String {
        if case .whole(let html) = sidebar { return script(inserting: html) }
        preconditionFailure("a sidebar made of shared pieces without a shared script")
    }

    /// The shared script: it defines `PlaybookSidebar(position, html)`, which a section's
    /// script calls (see `call(inserting:)`) to insert the closed sidebar with the entry at
    /// `position` replaced by `html` (`-1`: none), or `html` itself when `position` is `null`,
    /// before that script, and mark the current page's link. The pieces are literals, one entry
    /// a line.
    static func script(sharing shared: SidebarScripts.Shared) -> String {
        let entries = shared.entries.map(literal).joined(separator: ",\n")
        return "window.PlaybookSidebar = (function (head, entries, tail) {\n" + assembly + insertion
            + "};\n})(" + literal(shared.head) + ", [\n" + entries + "\n], " + literal(shared.tail) + ");\n"
    }

    /// A section's script when a shared one is loaded before it: one call of `PlaybookSidebar`.
    static func call(inserting sidebar: SidebarScripts.Sidebar) -> String {
        switch sidebar {
        case .whole(let html): "PlaybookSidebar(null, " + literal(html) + ");\n"
        case .closed: "PlaybookSidebar(-1, \"\");\n"
        case .opening(let position, let entry): "PlaybookSidebar(\(position), " + literal(entry) + ");\n"
        }
    }

    /// `text` as a JavaScript string literal (JSON, which is also JavaScript since U+2028 and
    /// U+2029 are escaped), with `</` written `<\/` and `<!` written `\u003c!`: the literal
    /// stays inert even inside an inline `<script>` element, where `</script>` would end it and
    /// `<!--` change how the rest is parsed.
    static func literal(_ text: String) -> String {
        var quoted = JSONString.quote(text)
        let less = UInt8(ascii: "<")
        let out: [UInt8] = quoted.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            for index in bytes.indices {
                let byte = bytes[index]
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if byte == less, next == UInt8(ascii: "/") {
                    out.append(less)
                    out.append(UInt8(ascii: "\\"))
                } else if byte == less, next == UInt8(ascii: "!") {
                    out.append(contentsOf: "\\u003c".utf8)
                } else {
                    out.append(byte)
                }
            }
            return out
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The start of the function the shared script defines: it makes `html` the section's
    /// whole sidebar from the shared pieces, then runs `insertion`.
    private static let assembly = """
        return function (position, html) {
          if (position !== null) {
            var parts = entries.slice();
            if (position >= 0) parts[position] = html;
            html = head + parts.join("") + tail;
          }

        """

    /// The body of the function every sidebar script runs with its HTML as `html`.
    private static let insertion = """
          var scripts = document.getElementsByTagName("script");
          var script = document.currentScript || scripts[scripts.length - 1];
          var before = script.previousSibling;
          script.insertAdjacentHTML("beforebegin", html);
          function key(path) {
            path = path.replace(/\\/index\\.html$/, "/");
            if (path.charAt(path.length - 1) !== "/") path += "/";
            try { return decodeURI(path); } catch (e) { return path; }
          }
          var here = key(location.pathname);
          function mark(link) {
            if (key(link.pathname) !== here) return false;
            link.setAttribute("aria-current", "page");
            return true;
          }
          for (var node = before ? before.nextSibling : script.parentNode.firstChild; node && node !== script; node = node.nextSibling) {
            if (node.nodeType !== 1) continue;
            if (node.matches("a[href]") && mark(node)) return;
            var links = node.querySelectorAll("a[href]");
            for (var i = 0; i < links.length; i++) if (mark(links[i])) return;
          }

        """
}

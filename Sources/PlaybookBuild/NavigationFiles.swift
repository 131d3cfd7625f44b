internal import PlaybookModel
internal import PlaybookRender

/// The sidebar scripts: one file per section under `assets/nav/` (see `NavigationScript`), so
/// a page carries one `<script src>` instead of the whole sidebar (on a 10,000-page site the
/// sidebar was three quarters of every page's bytes).
///
/// Each page loads its section's script from its `<nav>` as a classic script: the parser waits
/// for it, so the sidebar is in the page before anything after it is parsed or painted (no
/// flash), and the browser keeps the file for the section's other pages. The script inserts the
/// section's sidebar where it stands and marks the link to the page being read
/// `aria-current="page"`, comparing paths without `index.html` and trailing slashes, so the
/// site can be served from any base path.
enum NavigationFiles {
    /// One text file per section, in section order (made on all cores: 5 MB of sidebars on a
    /// site of 200 sections).
    static func files(for renderer: SiteRenderer) -> [OutputFile] {
        renderer.sidebars().map(Sidebar.init).parallelMap { sidebar in
            OutputFile(path: sidebar.path, contents: .text(script(inserting: sidebar.html)))
        }
    }

    /// A section's sidebar, as `SiteRenderer.sidebars()` gives it.
    private struct Sidebar: Sendable {
        let path: String
        let html: String

        init(_ sidebar: (path: String, html: String)) {
            path = sidebar.path
            html = sidebar.html
        }
    }

    /// The script that inserts `html` before itself and marks the current page's link.
    static func script(inserting html: String) -> String {
        "(function (html) {\n" + insertion + "})(" + literal(html) + ");\n"
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

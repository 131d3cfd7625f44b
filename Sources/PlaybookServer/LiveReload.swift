internal import PlaybookDiagnostics
internal import Foundation

/// What the preview adds to every HTML page it serves (never to `build` output): a script that
/// waits for the next build and reloads, and, while the last build failed, an overlay listing
/// its findings.
enum LiveReload {
    /// The long-poll endpoint the script calls: it answers when the site's version changes.
    static let endpoint = "/__playbook/wait"

    static func inject(into html: String, version: Int, findings: [Diagnostic]) -> String {
        let addition = overlay(findings) + script(version: version)
        guard let close = html.range(of: "</body>", options: .backwards) else { return html + addition }
        return String(html[..<close.lowerBound]) + addition + String(html[close.lowerBound...])
    }

    static func script(version: Int) -> String {
        """
        <script>
        (function () {
          var version = \(version);
          function wait() {
            fetch("\(endpoint)?version=" + version, { cache: "no-store" })
              .then(function (r) { return r.json(); })
              .then(function (state) {
                if (state.version !== version) { location.reload(); return; }
                wait();
              })
              .catch(function () { setTimeout(wait, 1000); });
          }
          wait();
        })();
        </script>

        """
    }

    static func overlay(_ findings: [Diagnostic]) -> String {
        let errors = findings.filter { $0.severity == .error }
        guard !errors.isEmpty else { return "" }
        var html = """
            <div id="playbook-errors" role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;\
            z-index:9999;background:#2b0b0e;color:#ffe9ea;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;\
            padding:1rem 1.25rem;border-top:4px solid #ff5a6a;box-shadow:0 -8px 24px rgba(0,0,0,.4)">
            <strong style="font-size:15px">The last build failed: \(errors.count) error\(errors.count == 1 ? "" : "s"). \
            This page shows the last good build.</strong>
            <ul style="margin:.5rem 0 0;padding-left:1.2rem">

            """
        for finding in errors.prefix(50) {
            html += "<li><span class=\"where\">\(escapeHTML(finding.location.description))</span>: \(escapeHTML(finding.message))"
            html += " <span style=\"opacity:.7\">[\(escapeHTML(finding.code))]</span>"
            if let hint = finding.hint { html += "<br><span style=\"opacity:.8\">hint: \(escapeHTML(hint))</span>" }
            html += "</li>\n"
        }
        return html + "</ul></div>\n"
    }

    static func escapeHTML(_ text: String) -> String {
        PlaybookDiagnostics.escapeHTML(text)
    }
}

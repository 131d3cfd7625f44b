internal import PlaybookDiagnostics
internal import PlaybookModel

/// What the pages the build makes itself (the owners page, the lint pages, the print page) share.
enum GeneratedPages {
    /// `site` with `pages` and `sections` in place of its own: the generated pages added.
    static func site(_ site: Site, pages: [Page], sections: [Section]) -> Site {
        var result = Site(
            config: site.config, pages: pages, sections: sections, staticFiles: site.staticFiles, framework: site.framework)
        result.root = site.root
        return result
    }

    /// The warning for content that already has a page where a generated one would go, so the
    /// generated one is left out.
    static func taken(_ code: String, folder: String, in site: Site, leftOut: String, hint: String) -> Diagnostic {
        .warning(
            code, at: SourceLocation(file: site.config.contentPrefix + folder + "/"),
            "the content already has a page at /\(folder)/, so \(leftOut) is left out", hint: hint)
    }
}

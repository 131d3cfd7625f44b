import PlaybookDiagnostics
import PlaybookModel
import Testing

@Suite struct SiteConfigTests {
    @Test func readsEveryKey() {
        let (config, problems) = SiteConfig.parse(
            "title: Handbook\nbase-url: https://example.org/handbook\nlanguage: de\nmarkdown:\n  unsafe: true\nrepository: https://github.com/acme/handbook\n",
            file: "playbook.yml")
        #expect(problems.isEmpty)
        #expect(config.title == "Handbook")
        #expect(config.basePath == "/handbook/")
        #expect(config.origin == "https://example.org")
        #expect(config.language == "de")
        #expect(config.allowUnsafeHTML)
        #expect(config.repository == "https://github.com/acme/handbook")
    }

    @Test func wrongTypesAreErrorsWithPositions() {
        let (_, problems) = SiteConfig.parse("title: [a, b]\nmarkdown:\n  unsafe: maybe\n", file: "playbook.yml")
        #expect(problems.map(\.description) == [
            "playbook.yml:1:8: error: 'title' must be text, not a list [field/type]",
            "playbook.yml:3:11: error: 'markdown.unsafe' must be true or false, not text [field/type]",
        ])
    }

    @Test func basePathIsNormalised() {
        #expect(SiteConfig(baseURL: "handbook").basePath == "/handbook/")
        #expect(SiteConfig(baseURL: "/").basePath == "/")
        #expect(SiteConfig(baseURL: "https://example.org").basePath == "/")
    }
}

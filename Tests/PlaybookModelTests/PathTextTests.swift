import PlaybookModel
import Testing

/// Path arithmetic over `/`-separated strings, byte-wise as POSIX does it.
@Suite struct PathTextTests {
    @Test func parentAndName() {
        #expect(PathText.parent("a/b/c.md") == "a/b")
        #expect(PathText.parent("c.md") == "")
        #expect(PathText.parent("/x") == "/")
        #expect(PathText.parent("a/b/") == "a")
        #expect(PathText.parent("/") == "/")
        #expect(PathText.name("a/b/c.md") == "c.md")
        #expect(PathText.name("a/b/") == "b")
        #expect(PathText.name("c.md") == "c.md")
        #expect(PathText.name("Équipe/Café crème.md") == "Café crème.md")
        #expect(PathText.parent("Équipe/Café crème.md") == "Équipe")
    }

    @Test func extensions() {
        #expect(PathText.fileExtension("a/c.md") == "md")
        #expect(PathText.fileExtension("README") == "")
        #expect(PathText.fileExtension(".hidden") == "")
        #expect(PathText.fileExtension("a.b/c") == "")
        #expect(PathText.fileExtension("archive.tar.gz") == "gz")
        #expect(PathText.removingExtension("a/c.md") == "a/c")
        #expect(PathText.removingExtension("Équipe/Café crème.md") == "Équipe/Café crème")
        #expect(PathText.removingExtension("a.b/c") == "a.b/c")
    }

    @Test func joining() {
        #expect(PathText.join("a", "b.md") == "a/b.md")
        #expect(PathText.join("a/", "b.md") == "a/b.md")
        #expect(PathText.join("", "b.md") == "b.md")
        #expect(PathText.join("a", "") == "a")
    }

    @Test func insideAFolder() {
        #expect(PathText.isSameOrInside("/a/b", "/a"))
        #expect(PathText.isSameOrInside("/a", "/a"))
        #expect(PathText.isSameOrInside("/a/b", "/"))
        #expect(!PathText.isSameOrInside("/ab", "/a"), "a sibling with a longer name is not inside")
        #expect(!PathText.isSameOrInside("/a", "/a/b"))
    }

    @Test func percentEncodingKeepsWhatPathsAllowAndEncodesTheRest() {
        #expect(PageLocation.percentEncode("team-norms/hiring") == "team-norms/hiring")
        #expect(PageLocation.percentEncode("Team Norms/Café") == "Team%20Norms/Caf%C3%A9")
        #expect(PageLocation.percentEncode("a?b#c;d") == "a%3Fb%23c%3Bd")
    }
}

import Foundation
@testable import PlaybookBuild
import PlaybookTesting
import Testing

/// The build cache keys the program by `ProgramDigest`: what two builds of the same sources
/// fill differently is left out, any other byte counts.
@Suite struct ProgramDigestTests {
    func binary() throws -> Data {
        try #require(FileManager.default.contents(atPath: PlaybookBinary.sibling("playbook")))
    }

    /// The byte range of the first section named `name`.
    func range(of name: String, in data: Data) throws -> Range<Int> {
        let sections = try #require(data.withUnsafeBytes { ProgramDigest.sections(in: $0) })
        return try #require(sections.first { $0.name == name && !$0.range.isEmpty }?.range)
    }

    @Test func rebuildNoiseDoesNotChangeTheDigestButCodeDoes() throws {
        let original = try binary()
        let digest = ProgramDigest.of(original)
        var noise = original
        for name in [".swift_modhash", ".note.gnu.build-id"] {
            guard let section = try? range(of: name, in: original) else { continue }
            noise[section.lowerBound] ^= 0xFF
        }
        let debug = try range(of: ".debug_info", in: original)
        noise[debug.lowerBound + debug.count / 2] ^= 0xFF
        #expect(ProgramDigest.of(noise) == digest)

        var code = original
        let text = try range(of: ".text", in: original)
        code[text.lowerBound + text.count / 2] ^= 0x01
        #expect(ProgramDigest.of(code) != digest)
    }

    @Test func aFileThatIsNotELFIsHashedWhole() {
        let text = Data("not a program".utf8)
        var changed = text
        changed[0] = UInt8(ascii: "N")
        #expect(ProgramDigest.of(text) != ProgramDigest.of(changed))
        // An ELF header whose section table lies past the end: hashed whole, every byte counts.
        let broken = Data([0x7F, 0x45, 0x4C, 0x46, 2, 1] + [UInt8](repeating: 0xFF, count: 80))
        var brokenChanged = broken
        brokenChanged[70] = 0
        #expect(ProgramDigest.of(broken) != ProgramDigest.of(brokenChanged))
    }

    /// `--clean` removes the cache but keeps the program's digest: the same file (path and
    /// stamp) is not hashed again, and any other stamp is.
    @Test func cleanKeepsTheDigestOfTheSameProgramFile() throws {
        let site = try FixtureSite(["content/_index.md": "---\ntitle: Home\n---\n"])
        var options = BuildOptions(source: site.root, output: site.output)
        options.cacheFolder = site.root + "/.playbook-cache"
        options.git = false
        #expect(try SiteBuilder(options: options).build().succeeded)
        let cache = BuildCache(folder: site.root + "/.playbook-cache")
        let written = try #require(cache.readProgram())
        #expect(written == cache.readHead()?.program)
        #expect(written.digest != 0)

        options.clean = true
        let disk = DiskCache(options: options, cache: cache, output: site.output)
        var known = written
        known.digest ^= 1  // a digest the file does not have: taken as it is, so not computed
        #expect(disk.restore(knownProgram: known).program.digest == known.digest)
        known.stamp.size += 1  // another file: hashed again
        #expect(disk.restore(knownProgram: known).program.digest == written.digest)
    }
}

import Testing

@testable import Store

struct StoreErrorTests {
    @Test(arguments: [
        (StoreError.folderNotFound(42), "42"),
        (.itemNotFound(folder: 7, resourceName: "a.ics"), "\"a.ics\""),
        (.itemExists(folder: 7, resourceName: "b.ics"), "\"b.ics\""),
        (.preconditionFailed("abc123"), "abc123"),
        (.quotaExceeded(used: 900, limit: 1000, needed: 250), "250"),
        (.folderNameExists("Work"), "\"Work\""),
        (.specialFolder(.inbox), "inbox"),
        (.folderCycle(folder: 3, parent: 9), "9"),
        (.invalidName("a/b"), "\"a/b\""),
        (.syncTokenTooOld(since: 5, oldest: 12), "12"),
        (.syncTokenInvalid(since: 99, modseq: 12), "99"),
    ])
    func describesItselfWithTheOffendingValue(error: StoreError, value: String) {
        #expect(error.description.contains(value))
    }

    @Test func namesAreCheckedAsURLSegments() throws {
        for valid in ["a", "event 1.ics", "résumé.vcf", "...", ".hidden", String(repeating: "x", count: 255)] {
            #expect(throws: Never.self) { try StoreName.validate(valid) }
        }
        for invalid in ["", ".", "..", "/", "a/", "line\nbreak", "\u{85}next-line", String(repeating: "x", count: 256)]
        {
            #expect(throws: StoreError.invalidName(invalid)) { try StoreName.validate(invalid) }
        }
    }
}

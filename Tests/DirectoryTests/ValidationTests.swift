import Testing

@testable import Directory

struct ValidationTests {
    @Test(arguments: [
        ("demo@example.test", "demo", "example.test"),
        ("John.Smith@Example.TEST", "john.smith", "example.test"),
        ("a1.b2.c3@mail.example.co.uk", "a1.b2.c3", "mail.example.co.uk"),
        ("x@a-b.example", "x", "a-b.example"),
        ("007@example.test", "007", "example.test"),
    ])
    func acceptsAddress(input: String, localPart: String, domain: String) throws {
        let parts = try Validation.address(input)
        #expect(parts.localPart == localPart)
        #expect(parts.domain == domain)
    }

    @Test(arguments: [
        "a..b@example.test", ".a@example.test", "a.@example.test", "ü@example.test", "a+b@example.test",
        "a_b@example.test", "a-b@example.test", "@example.test", "demo@", "demo", "demo@@example.test",
        "a@b@example.test", "demo@example", "demo@-example.test", "demo@example..test", " demo@example.test",
        "demo @example.test", "demo@exa mple.test", String(repeating: "a", count: 65) + "@example.test",
    ])
    func refusesAddress(input: String) {
        #expect(throws: DirectoryError.invalidAddress(input)) { try Validation.address(input) }
    }

    @Test func acceptsLongestLocalPart() throws {
        let local = String(repeating: "a", count: 64)
        #expect(try Validation.address("\(local)@example.test").localPart == local)
    }

    @Test(arguments: [
        ("example.test", "example.test"), ("EXAMPLE.Test", "example.test"), ("a.b", "a.b"),
        ("mail-1.example.co.uk", "mail-1.example.co.uk"), ("1example.test", "1example.test"),
        ("xn--bcher-kva.example", "xn--bcher-kva.example"),
    ])
    func acceptsDomainName(input: String, expected: String) throws {
        #expect(try Validation.domainName(input) == expected)
    }

    @Test(arguments: [
        "example", "", ".", "example.", ".example.test", "example..test", "-example.test", "example-.test",
        "exa_mple.test", "exämple.test", "example.test.", "1.2.3.4", "example .test",
        String(repeating: "a", count: 64) + ".test",
    ])
    func refusesDomainName(input: String) {
        #expect(throws: DirectoryError.invalidDomainName(input)) { try Validation.domainName(input) }
    }

    @Test func domainNameLengthLimits() throws {
        let label63 = String(repeating: "a", count: 63)
        #expect(try Validation.domainName("\(label63).test") == "\(label63).test")
        // 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253 characters: accepted; one more is refused.
        let longest = [label63, label63, label63, String(repeating: "b", count: 61)].joined(separator: ".")
        #expect(longest.count == 253)
        #expect(try Validation.domainName(longest) == longest)
        let tooLong = longest + "b"
        #expect(throws: DirectoryError.invalidDomainName(tooLong)) { try Validation.domainName(tooLong) }
    }

    @Test func acceptsStrongPasswords() throws {
        try Validation.password("Abcdef1!")
        try Validation.password(goodPassword)
        try Validation.password("Pässwörd 12 ✓")
    }

    @Test(arguments: [
        ("Abcde1!", "shorter than 8 characters"),
        ("abcdef1!", "no upper-case letter"),
        ("ABCDEF1!", "no lower-case letter"),
        ("Abcdefg!", "no digit"),
        ("Abcdefg1", "no symbol"),
        ("Abcdef1 x", "no symbol"),
        ("", "shorter than 8 characters"),
        ("Abcdef1!\u{0}", "contains a control character"),
    ])
    func refusesWeakPassword(password: String, reason: String) {
        #expect(throws: DirectoryError.weakPassword(reason)) { try Validation.password(password) }
    }

    @Test func weakPasswordErrorNeverShowsThePassword() {
        do {
            try Validation.password("secretpw1")
            Issue.record("accepted a password without upper-case letter and symbol")
        } catch {
            #expect(!error.description.contains("secretpw1"))
        }
    }

    @Test func refusesOverlongPassword() {
        let password = "Aa1!" + String(repeating: "x", count: 1021)
        #expect(throws: DirectoryError.weakPassword("longer than 1024 bytes")) { try Validation.password(password) }
    }

    @Test func quotaBoundsOfEachPlan() throws {
        let gb = Plan.gigabyte
        for plan in Plan.allCases {
            try Validation.quota(gb / 10, plan: plan)
            #expect(throws: DirectoryError.quotaOutOfRange(bytes: gb / 10 - 1, plan: plan)) {
                try Validation.quota(gb / 10 - 1, plan: plan)
            }
            #expect(throws: DirectoryError.quotaOutOfRange(bytes: 0, plan: plan)) {
                try Validation.quota(0, plan: plan)
            }
            #expect(throws: DirectoryError.quotaOutOfRange(bytes: -1, plan: plan)) {
                try Validation.quota(-1, plan: plan)
            }
        }
        try Validation.quota(50 * gb, plan: .basic)
        #expect(throws: DirectoryError.quotaOutOfRange(bytes: 50 * gb + 1, plan: .basic)) {
            try Validation.quota(50 * gb + 1, plan: .basic)
        }
        try Validation.quota(200 * gb, plan: .enhanced)
        #expect(throws: DirectoryError.quotaOutOfRange(bytes: 200 * gb + 1, plan: .enhanced)) {
            try Validation.quota(200 * gb + 1, plan: .enhanced)
        }
        try Validation.quota(try ByteCount(parsing: "0.1GB").bytes, plan: .basic)
        let justUnder = try ByteCount(parsing: "99999999").bytes
        #expect(throws: DirectoryError.quotaOutOfRange(bytes: justUnder, plan: .basic)) {
            try Validation.quota(justUnder, plan: .basic)
        }
    }

    @Test func displayName() throws {
        #expect(try Validation.displayName("  Jane Doe ") == "Jane Doe")
        #expect(throws: DirectoryError.invalidDisplayName("a\nb")) { try Validation.displayName("a\nb") }
        let long = String(repeating: "x", count: 257)
        #expect(throws: DirectoryError.invalidDisplayName(long)) { try Validation.displayName(long) }
    }
}

import Foundation
import Testing

/// `almanac domain policy show|set`.
struct DomainPolicyCommandTests {
    static let defaultPolicy = """
        Domain:              example.com (default policy)
        Provision:           required
        Password required:   yes
        Minimum length:      4
        Alphanumeric:        no
        Lock after:          900 seconds
        Simple passwords:    allowed
        Wipe after failures: 10

        """

    func prepared() throws -> String {
        let data = temporaryDataDirectory()
        let result = try AlmanacProcess.run(["domain", "add", "example.com", "--data-dir", data])
        #expect(result.status == 0, "\(result.standardError)")
        return data
    }

    func show(_ data: String) throws -> String {
        let result = try AlmanacProcess.run(["domain", "policy", "show", "EXAMPLE.com", "--data-dir", data])
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput
    }

    @Test func aNewDomainHasTheDefaultPolicy() throws {
        let data = try prepared()
        defer { try? FileManager.default.removeItem(atPath: data) }
        #expect(try show(data) == Self.defaultPolicy)
    }

    @Test func setChangesOnlyTheGivenOptions() throws {
        let data = try prepared()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let set = try AlmanacProcess.run([
            "domain", "policy", "set", "example.com", "--min-length", "8", "--alphanumeric", "--no-allow-simple",
            "--data-dir", data,
        ])
        #expect(set.status == 0, "\(set.standardError)")
        let changed = """
            Domain:              example.com
            Provision:           required
            Password required:   yes
            Minimum length:      8
            Alphanumeric:        yes
            Lock after:          900 seconds
            Simple passwords:    refused
            Wipe after failures: 10

            """
        #expect(set.standardOutput == changed)
        #expect(try show(data) == changed)

        let more = try AlmanacProcess.run([
            "domain", "policy", "set", "example.com", "--lock-after-seconds", "0", "--wipe-after-failures", "16",
            "--no-require-password", "--data-dir", data,
        ])
        #expect(more.status == 0, "\(more.standardError)")
        let shown = try show(data)
        #expect(shown.contains("Password required:   no\n"))
        #expect(shown.contains("Minimum length:      8\n"))
        #expect(shown.contains("Alphanumeric:        yes\n"))
        #expect(shown.contains("Lock after:          never\n"))
        #expect(shown.contains("Wipe after failures: 16\n"))
    }

    @Test func noneThenRequiredAgain() throws {
        let data = try prepared()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let none = try AlmanacProcess.run(["domain", "policy", "set", "example.com", "--none", "--data-dir", data])
        #expect(none.status == 0, "\(none.standardError)")
        let shown = try show(data)
        #expect(shown.contains("Provision:           not required (devices sync without a policy)\n"))
        #expect(shown.contains("Password required:   no\n"))

        // From no policy, an option starts from the default one.
        let required = try AlmanacProcess.run([
            "domain", "policy", "set", "example.com", "--lock-after-seconds", "300", "--data-dir", data,
        ])
        #expect(required.status == 0, "\(required.standardError)")
        #expect(
            try show(data)
                == Self.defaultPolicy.replacingOccurrences(of: "900 seconds", with: "300 seconds")
                .replacingOccurrences(of: " (default policy)", with: ""))
        let back = try AlmanacProcess.run([
            "domain", "policy", "set", "example.com", "--lock-after-seconds", "900", "--data-dir", data,
        ])
        #expect(back.status == 0)
        #expect(try show(data) == Self.defaultPolicy)
    }

    @Test(
        arguments: [
            (["domain", "policy", "set", "example.com", "--min-length", "17"], "minimum password length 17"),
            (["domain", "policy", "set", "example.com", "--min-length", "0"], "minimum password length 0"),
            (["domain", "policy", "set", "example.com", "--lock-after-seconds", "30"], "inactivity lock of 30"),
            (["domain", "policy", "set", "example.com", "--lock-after-seconds", "10000"], "10000"),
            (["domain", "policy", "set", "example.com", "--wipe-after-failures", "3"], "wipe after 3 failed"),
            (["domain", "policy", "set", "example.com", "--wipe-after-failures", "17"], "wipe after 17 failed"),
            (["domain", "policy", "set", "example.com", "--none", "--min-length", "6"], "--none cannot be combined"),
            (["domain", "policy", "set", "example.com"], "give --none or at least one"),
            (["domain", "policy", "set", "example.com", "--min-length", "six"], "six"),
            (["domain", "policy", "set", "missing.com", "--min-length", "6"], "no domain \"missing.com\""),
            (["domain", "policy", "show", "missing.com"], "no domain \"missing.com\""),
        ] as [([String], String)])
    func badInputExitsTwoAndChangesNothing(arguments: [String], mentions: String) throws {
        let data = try prepared()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let result = try AlmanacProcess.run(arguments + ["--data-dir", data])
        #expect(result.status == 2, "\(arguments): \(result.standardError)")
        #expect(result.standardError.contains(mentions), "\(result.standardError)")
        #expect(try show(data) == Self.defaultPolicy)
    }
}

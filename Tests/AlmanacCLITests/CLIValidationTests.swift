import Foundation
import Synchronization
import Testing

/// Bad input exits with status 2 and a clear message, and changes nothing.
struct CLIValidationTests {
    static let good = "Correct-Horse-1"

    /// A data directory with example.com and alice (Enhanced, 10 GB).
    func prepared() throws -> String {
        let data = temporaryDataDirectory()
        try expectSuccess(["domain", "add", "example.com", "--data-dir", data])
        try expectSuccess(
            [
                "user", "add", "alice@example.com", "--plan", "enhanced", "--quota", "100GB", "--password-stdin",
                "--data-dir", data,
            ], input: Self.good + "\n")
        return data
    }

    @Test func addAndListUsers() throws {
        let data = try prepared()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let list = try AlmanacProcess.run(["user", "list", "--data-dir", data])
        #expect(list.status == 0)
        #expect(list.standardOutput.contains("alice@example.com"))
        #expect(list.standardOutput.contains("enhanced"))
        #expect(list.standardOutput.contains("100 GB"))
        let show = try AlmanacProcess.run(["user", "show", "ALICE@example.com", "--data-dir", data])
        #expect(show.status == 0)
        #expect(show.standardOutput.contains("Plan:         enhanced"))
        // The store was created with the user.
        #expect(show.standardOutput.contains(".sqlite"))
        let domains = try AlmanacProcess.run(["domain", "list"], environment: ["ALMANAC_DATA_DIR": data])
        #expect(domains.standardOutput == "example.com\n")
    }

    @Test(
        arguments: [
            (["user", "add", "bad_name@example.com", "--password-stdin"], good, "letters, digits"),
            (["user", "add", "a..b@example.com", "--password-stdin"], good, "letters, digits"),
            (["user", "add", ".bob@example.com", "--password-stdin"], good, "letters, digits"),
            (["user", "add", "bob@example.com", "--password-stdin"], "shrt1A!", "8"),
            (["user", "add", "bob@example.com", "--password-stdin"], "nouppercase1!", "upper-case"),
            (["user", "add", "bob@example.com", "--password-stdin"], "NOLOWERCASE1!", "lower-case"),
            (["user", "add", "bob@example.com", "--password-stdin"], "NoDigitsHere!", "digit"),
            (["user", "add", "bob@example.com", "--password-stdin"], "NoSymbols123", "symbol"),
            (["user", "add", "bob@example.com", "--quota", "60GB", "--password-stdin"], good, "quota"),
            (
                ["user", "add", "bob@example.com", "--plan", "enhanced", "--quota", "201GB", "--password-stdin"], good,
                "quota"
            ),
            (["user", "add", "bob@example.com", "--quota", "0.05GB", "--password-stdin"], good, "quota"),
            (["user", "add", "bob@example.com", "--quota", "lots", "--password-stdin"], good, "lots"),
            (["user", "add", "bob@nowhere.com", "--password-stdin"], good, "nowhere.com"),
            (["user", "add", "alice@example.com", "--password-stdin"], good, "alice@example.com"),
            (["user", "add", "bob@example.com", "--plan", "premium", "--password-stdin"], good, "premium"),
            (["user", "add", "bob@example.com"], good, "--password-stdin"),
            (["domain", "add", "EXAMPLE.com"], good, "example.com"),
            (["domain", "add", "not a domain"], good, "not a domain"),
            (["domain", "remove", "example.com"], good, "example.com"),
            (["user", "set-plan", "alice@example.com", "basic"], good, "quota"),
            (["user", "set-quota", "alice@example.com", "250GB"], good, "quota"),
            (["user", "passwd", "nobody@example.com", "--password-stdin"], good, "nobody@example.com"),
            (["user", "frobnicate"], good, "usage: almanac user <subcommand>"),
            (["user", "add", "--password-stdin"], good, "<address>"),
        ] as [([String], String, String)])
    func badInputExitsTwoAndChangesNothing(arguments: [String], input: String, mentions: String) throws {
        let data = try prepared()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let before = try Self.preparedSnapshot()
        let result = try AlmanacProcess.run(arguments + ["--data-dir", data], input: input + "\n")
        #expect(result.status == 2, "\(arguments): \(result.standardError)")
        #expect(result.standardError.lowercased().contains(mentions.lowercased()), "\(result.standardError)")
        #expect(!result.standardError.contains(input), "a password must never be echoed")
        #expect(try snapshot(data) == before)
    }

    @Test func planAndQuotaChanges() throws {
        let data = try prepared()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try expectSuccess(["user", "set-plan", "alice@example.com", "basic", "--quota", "5GB", "--data-dir", data])
        var show = try AlmanacProcess.run(["user", "show", "alice@example.com", "--data-dir", data])
        #expect(show.standardOutput.contains("Plan:         basic"))
        #expect(show.standardOutput.contains("5000000000 bytes"))
        try expectSuccess(["user", "set-plan", "alice@example.com", "enhanced", "--quota", "150GB", "--data-dir", data])
        try expectSuccess(["user", "set-quota", "alice@example.com", "0.1GB", "--data-dir", data])
        show = try AlmanacProcess.run(["user", "show", "alice@example.com", "--data-dir", data])
        #expect(show.standardOutput.contains("100000000 bytes"))
        try expectSuccess(["user", "remove", "alice@example.com", "--data-dir", data])
        try expectSuccess(["domain", "remove", "example.com", "--data-dir", data])
        let list = try AlmanacProcess.run(["user", "list", "--data-dir", data])
        #expect(!list.standardOutput.contains("alice"))
    }

    /// What a freshly prepared data directory looks like, computed once.
    private static let preparedState = Mutex<String?>(nil)

    private static func preparedSnapshot() throws -> String {
        if let known = preparedState.withLock({ $0 }) { return known }
        let tests = CLIValidationTests()
        let data = try tests.prepared()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let state = try tests.snapshot(data)
        preparedState.withLock { $0 = state }
        return state
    }

    /// The directory's rows, as the CLI lists them, plus the store files.
    private func snapshot(_ data: String) throws -> String {
        let users = try AlmanacProcess.run(["user", "list", "--data-dir", data]).standardOutput
        let domains = try AlmanacProcess.run(["domain", "list", "--data-dir", data]).standardOutput
        let stores = try FileManager.default.contentsOfDirectory(atPath: data + "/users").sorted()
        return users + domains + stores.joined(separator: ",")
    }

    private func expectSuccess(_ arguments: [String], input: String? = nil) throws {
        let result = try AlmanacProcess.run(arguments, input: input)
        #expect(result.status == 0, "\(arguments): \(result.standardError)")
    }
}

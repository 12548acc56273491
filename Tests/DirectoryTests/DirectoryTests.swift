import Foundation
import Testing

@testable import Directory

struct DirectoryTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func addsAndListsDomainsAndUsers() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let other = try await directory.addDomain("Other.Example")
        #expect(other.name == "other.example")
        #expect(try await directory.domains().map(\.name) == ["example.test", "other.example"])

        let user = try await directory.addUser(
            address: "Jane.Doe@OTHER.example", password: goodPassword, plan: .basic, quotaBytes: nil, displayName: nil)
        #expect(user.address == "jane.doe@other.example")
        #expect(user.localPart == "jane.doe")
        #expect(user.domain == "other.example")
        #expect(user.displayName == "jane.doe")
        #expect(user.plan == .basic)
        #expect(user.quotaBytes == Plan.basic.defaultQuota)
        #expect(user.credentialVersion == 1)
        #expect(try await directory.user(address: "JANE.DOE@other.example") == user)
        #expect(try await directory.user(id: user.id) == user)
        #expect(try await directory.user(address: "nobody@other.example") == nil)
        #expect(try await directory.users(domain: "other.example") == [user])
        #expect(
            try await directory.users(domain: nil).map(\.address) == ["demo@example.test", "jane.doe@other.example"])
        await #expect(throws: DirectoryError.domainNotFound("missing.example")) {
            try await directory.users(domain: "missing.example")
        }
    }

    @Test func duplicateDomainIsRefusedCaseInsensitively() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        await #expect(throws: DirectoryError.domainExists("example.test")) {
            try await directory.addDomain("EXAMPLE.test")
        }
        #expect(try await directory.domains().count == 1)
    }

    @Test func duplicateUserIsRefusedCaseInsensitively() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        await #expect(throws: DirectoryError.userExists("demo@example.test")) {
            try await directory.addUser(
                address: "Demo@Example.TEST", password: "Other-Pass1", plan: .basic, quotaBytes: nil, displayName: nil)
        }
        let demo = try #require(try await directory.user(address: "demo@example.test"))
        #expect(demo.plan == .enhanced)
        #expect(demo.displayName == "Demo")
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "::1")
                == .success(demo))
    }

    @Test func addUserValidatesEverythingFirst() async throws {
        let counter = DerivationCounter()
        let directory = try await makeDirectory(in: folder, counter: counter)
        defer { try? directory.close() }
        let before = counter.count
        await #expect(throws: DirectoryError.domainNotFound("missing.example")) {
            try await directory.addUser(
                address: "a@missing.example", password: goodPassword, plan: .basic, quotaBytes: nil, displayName: nil)
        }
        await #expect(throws: DirectoryError.invalidAddress("a_b@example.test")) {
            try await directory.addUser(
                address: "a_b@example.test", password: goodPassword, plan: .basic, quotaBytes: nil, displayName: nil)
        }
        await #expect(throws: DirectoryError.weakPassword("no symbol")) {
            try await directory.addUser(
                address: "a@example.test", password: "Password1", plan: .basic, quotaBytes: nil, displayName: nil)
        }
        await #expect(throws: DirectoryError.quotaOutOfRange(bytes: 60 * Plan.gigabyte, plan: .basic)) {
            try await directory.addUser(
                address: "a@example.test", password: goodPassword, plan: .basic, quotaBytes: 60 * Plan.gigabyte,
                displayName: nil)
        }
        await #expect(throws: DirectoryError.userExists("demo@example.test")) {
            try await directory.addUser(
                address: "demo@example.test", password: goodPassword, plan: .basic, quotaBytes: nil, displayName: nil)
        }
        // Every refusal came before hashing.
        #expect(counter.count == before)
        #expect(try await directory.users(domain: nil).map(\.address) == ["demo@example.test"])
    }

    @Test func domainWithUsersCannotBeRemoved() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        await #expect(throws: DirectoryError.domainNotEmpty("example.test", users: 1)) {
            try await directory.removeDomain("Example.Test")
        }
        #expect(try await directory.domains().map(\.name) == ["example.test"])
        let removed = try await directory.removeUser(address: "DEMO@example.test")
        #expect(removed.address == "demo@example.test")
        #expect(try await directory.user(address: "demo@example.test") == nil)
        try await directory.removeDomain("EXAMPLE.test")
        #expect(try await directory.domains().isEmpty)
        await #expect(throws: DirectoryError.domainNotFound("example.test")) {
            try await directory.removeDomain("example.test")
        }
        await #expect(throws: DirectoryError.userNotFound("demo@example.test")) {
            try await directory.removeUser(address: "demo@example.test")
        }
    }

    @Test func userIDsAreNeverReused() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let first = try await directory.addUser(
            address: "temp@example.test", password: goodPassword, plan: .basic, quotaBytes: nil, displayName: nil)
        try await directory.removeUser(address: "temp@example.test")
        let second = try await directory.addUser(
            address: "temp@example.test", password: goodPassword, plan: .basic, quotaBytes: nil, displayName: nil)
        #expect(second.id > first.id)
    }

    @Test func setPlanWithAQuotaIsOneWrite() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        try await directory.setQuota(address: "demo@example.test", bytes: 150 * Plan.gigabyte)
        // 150 GB does not fit Basic: the plan and the new quota are refused together.
        await #expect(throws: DirectoryError.quotaOutOfRange(bytes: 60 * Plan.gigabyte, plan: .basic)) {
            try await directory.setPlan(address: "demo@example.test", plan: .basic, quotaBytes: 60 * Plan.gigabyte)
        }
        var demo = try #require(try await directory.user(address: "demo@example.test"))
        #expect(demo.plan == .enhanced && demo.quotaBytes == 150 * Plan.gigabyte)
        try await directory.setPlan(address: "demo@example.test", plan: .basic, quotaBytes: 5 * Plan.gigabyte)
        demo = try #require(try await directory.user(address: "demo@example.test"))
        #expect(demo.plan == .basic && demo.quotaBytes == 5 * Plan.gigabyte)
        try await directory.setPlan(address: "demo@example.test", plan: .enhanced, quotaBytes: 200 * Plan.gigabyte)
        demo = try #require(try await directory.user(address: "demo@example.test"))
        #expect(demo.plan == .enhanced && demo.quotaBytes == 200 * Plan.gigabyte)
    }

    @Test func setPlanIsRefusedWhenTheQuotaDoesNotFit() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        try await directory.setQuota(address: "demo@example.test", bytes: 100 * Plan.gigabyte)
        await #expect(throws: DirectoryError.quotaOutOfRange(bytes: 100 * Plan.gigabyte, plan: .basic)) {
            try await directory.setPlan(address: "demo@example.test", plan: .basic)
        }
        var demo = try #require(try await directory.user(address: "demo@example.test"))
        #expect(demo.plan == .enhanced)
        #expect(demo.quotaBytes == 100 * Plan.gigabyte)

        try await directory.setQuota(address: "demo@example.test", bytes: 50 * Plan.gigabyte)
        try await directory.setPlan(address: "demo@example.test", plan: .basic)
        demo = try #require(try await directory.user(address: "demo@example.test"))
        #expect(demo.plan == .basic)
        #expect(demo.quotaBytes == 50 * Plan.gigabyte)

        await #expect(throws: DirectoryError.quotaOutOfRange(bytes: 50 * Plan.gigabyte + 1, plan: .basic)) {
            try await directory.setQuota(address: "demo@example.test", bytes: 50 * Plan.gigabyte + 1)
        }
        #expect(try await directory.user(address: "demo@example.test")?.quotaBytes == 50 * Plan.gigabyte)
        await #expect(throws: DirectoryError.userNotFound("nobody@example.test")) {
            try await directory.setQuota(address: "nobody@example.test", bytes: Plan.gigabyte)
        }
    }

    @Test func setDisplayName() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        try await directory.setDisplayName(address: "demo@example.test", displayName: " Demo User ")
        #expect(try await directory.user(address: "demo@example.test")?.displayName == "Demo User")
        await #expect(throws: DirectoryError.invalidDisplayName("bad\u{7}")) {
            try await directory.setDisplayName(address: "demo@example.test", displayName: "bad\u{7}")
        }
        #expect(try await directory.user(address: "demo@example.test")?.displayName == "Demo User")
    }

    @Test func setPasswordBumpsTheVersion() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        await #expect(throws: DirectoryError.weakPassword("no digit")) {
            try await directory.setPassword(address: "demo@example.test", password: "New-Password")
        }
        #expect(try await directory.user(address: "demo@example.test")?.credentialVersion == 1)
        try await directory.setPassword(address: "demo@example.test", password: "New-Passw0rd")
        let demo = try #require(try await directory.user(address: "demo@example.test"))
        #expect(demo.credentialVersion == 2)
        #expect(
            await directory.authenticate(login: "demo@example.test", password: "New-Passw0rd", client: "::1")
                == .success(demo))
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "::1")
                == .failure)
        await #expect(throws: DirectoryError.userNotFound("nobody@example.test")) {
            try await directory.setPassword(address: "nobody@example.test", password: "New-Passw0rd")
        }
    }

    @Test func storesNoPlainPassword() async throws {
        let directory = try await makeDirectory(in: folder)
        try directory.close()
        var bytes = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.url.path) {
            bytes += try Data(contentsOf: folder.url.appendingPathComponent(name))
        }
        #expect(bytes.range(of: Data(goodPassword.utf8)) == nil)
        #expect(bytes.range(of: Data("$scrypt$ln=4,r=8,p=1$".utf8)) != nil)
    }

    @Test func schemaEnforcesItsInvariants() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let demo = try #require(try await directory.user(address: "demo@example.test"))
        let statements = [
            "UPDATE user SET plan = 'gold'",
            "UPDATE user SET quota_bytes = 0",
            "UPDATE user SET address = 'someone@example.test'",
            "UPDATE credential SET hash = 'x', version = version + 1",
            "UPDATE credential SET hash = '$scrypt$a$b$c'",
            "INSERT INTO domain (name, created_at) VALUES ('EXAMPLE.TEST', '2024-01-01')",
            "INSERT INTO domain (name, created_at) VALUES ('Upper.Example', '2024-01-01')",
            "UPDATE user SET local_part = 'Demo', address = 'Demo@example.test'",
            "DELETE FROM domain",
            "INSERT INTO credential (user_id, hash, version, updated_at) VALUES (999, '$scrypt$a$b$c', 1, 'now')",
        ]
        for sql in statements {
            #expect(throws: (any Error).self, "\(sql)") { try directory.pool.write { db in try db.execute(sql: sql) } }
        }
        #expect(try await directory.user(address: "demo@example.test") == demo)
        // Deleting a user deletes the credential with it.
        try await directory.pool.write { db in try db.execute(sql: "DELETE FROM user") }
        let credentials = try directory.readNow { db in try CredentialRecord.fetchCount(db) }
        #expect(credentials == 0)
    }

    @Test func pragmas() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let (journal, synchronous, foreignKeys) = try directory.readNow { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
            )
        }
        #expect(journal == "wal")
        #expect(synchronous == 2)  // FULL
        #expect(foreignKeys == 1)
        let writerSynchronous = try await directory.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(writerSynchronous == 2)
    }

    @Test func errorsDescribeThemselves() {
        #expect(DirectoryError.domainNotEmpty("example.test", users: 2).description.contains("2 users"))
        #expect(
            DirectoryError.quotaOutOfRange(bytes: 60 * Plan.gigabyte, plan: .basic).description
                == "quota 60 GB is outside the basic plan's range 100 MB-50 GB")
        #expect(
            DirectoryError.userExists("a\nb@example.test").description == "user \"a\\nb@example.test\" already exists")
    }
}

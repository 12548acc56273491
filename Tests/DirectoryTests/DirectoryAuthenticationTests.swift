import Dispatch
import Foundation
import Testing

@testable import Directory

struct DirectoryAuthenticationTests {
    let folder: TemporaryFolder
    let clock = ManualClock()
    let counter = DerivationCounter()

    init() throws {
        folder = try TemporaryFolder()
    }

    func open() async throws -> Directory {
        try await makeDirectory(in: folder, clock: clock, counter: counter)
    }

    @Test(arguments: [
        "demo@example.test", "DEMO@Example.Test", "EXAMPLE\\demo", "example\\DEMO", "example.test\\demo",
        "EXAMPLE.TEST\\Demo", "example\\demo@example.test",
    ])
    func acceptsEveryLoginForm(login: String) async throws {
        let directory = try await open()
        defer { try? directory.close() }
        let demo = try #require(try await directory.user(address: "demo@example.test"))
        #expect(
            await directory.authenticate(login: login, password: goodPassword, client: "192.0.2.1") == .success(demo))
    }

    @Test(arguments: [
        "demo", "demo@example", "other\\demo", "\\demo", "example\\", "example.other\\demo", "ex%\\demo",
        "e_ample\\demo",
        "nobody@example.test", "",
    ])
    func refusesUnknownLogins(login: String) async throws {
        let directory = try await open()
        defer { try? directory.close() }
        let before = counter.count
        #expect(await directory.authenticate(login: login, password: goodPassword, client: "192.0.2.1") == .failure)
        // Unknown logins still cost one hash.
        #expect(counter.count == before + 1)
    }

    @Test func netBIOSNameMustBeUnambiguous() async throws {
        let directory = try await open()
        defer { try? directory.close() }
        _ = try await directory.addDomain("example.org")
        _ = try await directory.addUser(
            address: "demo@example.org", password: "Other-Pass1", plan: .enhanced, quotaBytes: nil, displayName: nil)
        _ = try await directory.addUser(
            address: "solo@example.org", password: "Other-Pass1", plan: .enhanced, quotaBytes: nil, displayName: nil)
        #expect(await directory.authenticate(login: "EXAMPLE\\demo", password: goodPassword, client: "::1") == .failure)
        let solo = try #require(try await directory.user(address: "solo@example.org"))
        #expect(
            await directory.authenticate(login: "EXAMPLE\\solo", password: "Other-Pass1", client: "::1")
                == .success(solo))
        let demo = try #require(try await directory.user(address: "demo@example.test"))
        #expect(
            await directory.authenticate(login: "example.test\\demo", password: goodPassword, client: "::1")
                == .success(demo))
    }

    @Test func wrongPasswordFails() async throws {
        let directory = try await open()
        defer { try? directory.close() }
        #expect(
            await directory.authenticate(login: "demo@example.test", password: "Correct-Horse-8", client: "::1")
                == .failure)
        #expect(await directory.authenticate(login: "demo@example.test", password: "", client: "::1") == .failure)
    }

    @Test func eleventhQuickWrongAttemptIsThrottled() async throws {
        let directory = try await open()
        defer { try? directory.close() }
        for attempt in 1...10 {
            let result = await directory.authenticate(
                login: "demo@example.test", password: "Wrong-Pass\(attempt)", client: "192.0.2.1")
            #expect(result == .failure, "attempt \(attempt)")
        }
        let before = counter.count
        #expect(
            await directory.authenticate(login: "demo@example.test", password: "Wrong-Pass11", client: "192.0.2.1")
                == .throttled(retryAfter: .seconds(900)))
        // The right password is refused too, from that address and in the other login form, without hashing.
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "192.0.2.1")
                == .throttled(retryAfter: .seconds(900)))
        #expect(
            await directory.authenticate(login: "EXAMPLE\\demo", password: goodPassword, client: "192.0.2.1")
                == .throttled(retryAfter: .seconds(900)))
        #expect(counter.count == before)

        // Another address still works.
        let demo = try #require(try await directory.user(address: "demo@example.test"))
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "192.0.2.2")
                == .success(demo))

        // The lock runs out after the window.
        clock.advance(by: .seconds(600))
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "192.0.2.1")
                == .throttled(retryAfter: .seconds(300)))
        clock.advance(by: .seconds(300))
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "192.0.2.1")
                == .success(demo))
    }

    @Test func cachedCredentialsAreRefusedWhileLocked() async throws {
        let directory = try await open()
        defer { try? directory.close() }
        let demo = try #require(try await directory.user(address: "demo@example.test"))
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "192.0.2.1")
                == .success(demo))
        for _ in 1...10 {
            _ = await directory.authenticate(login: "demo@example.test", password: "x", client: "192.0.2.1")
        }
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "192.0.2.1")
                == .throttled(retryAfter: .seconds(900)))
    }

    @Test func clientFailingAcrossManyUsersIsLocked() async throws {
        let directory = try await open()
        defer { try? directory.close() }
        for index in 0..<50 {
            let result = await directory.authenticate(
                login: "user\(index)@example.test", password: "Guess-123", client: "203.0.113.9")
            #expect(result == .failure)
        }
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "203.0.113.9")
                == .throttled(retryAfter: .seconds(900)))
        let demo = try #require(try await directory.user(address: "demo@example.test"))
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "203.0.113.10")
                == .success(demo))
        clock.advance(by: .seconds(900))
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "203.0.113.9")
                == .success(demo))
    }

    @Test func successClearsFailures() async throws {
        let directory = try await open()
        defer { try? directory.close() }
        for _ in 1...9 { _ = await directory.authenticate(login: "demo@example.test", password: "x", client: "::1") }
        let demo = try #require(try await directory.user(address: "demo@example.test"))
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "::1")
                == .success(demo))
        for _ in 1...9 { _ = await directory.authenticate(login: "demo@example.test", password: "x", client: "::1") }
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "::1")
                == .success(demo))
    }

    @Test func secondVerificationDoesNotHash() async throws {
        let directory = try await open()
        defer { try? directory.close() }
        let demo = try #require(try await directory.user(address: "demo@example.test"))
        let before = counter.count
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "::1")
                == .success(demo))
        #expect(counter.count == before + 1)
        for _ in 1...20 {
            #expect(
                await directory.authenticate(login: "DEMO@example.test", password: goodPassword, client: "::1")
                    == .success(demo))
            #expect(
                await directory.authenticate(login: "EXAMPLE\\demo", password: goodPassword, client: "::2")
                    == .success(demo))
        }
        #expect(counter.count == before + 1)
        // A wrong password is never answered from the cache.
        #expect(
            await directory.authenticate(login: "demo@example.test", password: "Correct-Horse-0", client: "::1")
                == .failure)
        #expect(counter.count == before + 2)
    }

    @Test func cachedVerificationExpires() async throws {
        let directory = try await open()
        defer { try? directory.close() }
        _ = await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "::1")
        let before = counter.count
        clock.advance(by: .seconds(299))
        _ = await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "::1")
        #expect(counter.count == before)
        clock.advance(by: .seconds(2))
        let demo = try #require(try await directory.user(address: "demo@example.test"))
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "::1")
                == .success(demo))
        #expect(counter.count == before + 1)
    }

    @Test func passwordChangeInvalidatesTheCache() async throws {
        let directory = try await open()
        defer { try? directory.close() }
        _ = await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "::1")
        try await directory.setPassword(address: "demo@example.test", password: "Fresh-Pass-1")
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "::1") == .failure)
        let demo = try #require(try await directory.user(address: "demo@example.test"))
        #expect(
            await directory.authenticate(login: "demo@example.test", password: "Fresh-Pass-1", client: "::1")
                == .success(demo))
    }

    @Test func passwordChangeByAnotherProcessInvalidatesTheCache() async throws {
        let server = try await open()
        defer { try? server.close() }
        #expect(
            await server.authenticate(login: "demo@example.test", password: goodPassword, client: "::1") != .failure)
        let before = counter.count

        // The command-line tool opens the same file and changes the password.
        let cli = try Directory(path: folder.directoryPath, hasher: .fast)
        try await cli.setPassword(address: "demo@example.test", password: "Fresh-Pass-1")
        try cli.close()

        #expect(
            await server.authenticate(login: "demo@example.test", password: goodPassword, client: "::1") == .failure)
        #expect(counter.count == before + 1)
        let demo = try #require(try await server.user(address: "demo@example.test"))
        #expect(demo.credentialVersion == 2)
        #expect(
            await server.authenticate(login: "demo@example.test", password: "Fresh-Pass-1", client: "::1")
                == .success(demo))
    }

    @Test func removedUserCannotLogIn() async throws {
        let directory = try await open()
        defer { try? directory.close() }
        _ = await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "::1")
        try await directory.removeUser(address: "demo@example.test")
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "::1") == .failure)
    }

    @Test func corruptStoredHashFailsWithoutTrapping() async throws {
        let directory = try await open()
        defer { try? directory.close() }
        try await directory.pool.write { db in
            try db.execute(sql: "UPDATE credential SET hash = '$scrypt$ln=99$x$y', version = version + 1")
        }
        #expect(
            await directory.authenticate(login: "demo@example.test", password: goodPassword, client: "::1") == .failure)
    }

    /// Reads run on the calling thread (``Directory/readNow(_:)``). Mixed with GRDB's async
    /// reads, which keep their reader until their task resumes, this load stalled for good: the
    /// cooperative threads blocked waiting for readers that only they could release.
    @Test func manyConcurrentReadsAllFinish() async throws {
        let directory = try await open()
        defer { try? directory.close() }
        let demo = try #require(try await directory.user(address: "demo@example.test"))
        // A stalled cooperative pool cannot run a time limit, so a thread of its own watches.
        let finished = DispatchSemaphore(value: 0)
        Thread {
            if finished.wait(timeout: .now() + 60) == .timedOut { fatalError("the directory's reads stalled") }
        }.start()
        defer { finished.signal() }
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<400 {
                group.addTask {
                    switch index % 4 {
                    case 0:
                        return await directory.authenticate(
                            login: "demo@example.test", password: goodPassword, client: "192.0.2.1") == .success(demo)
                    case 1: return try await directory.user(id: demo.id) == demo
                    case 2: return try await directory.device(userID: demo.id, deviceID: "phone\(index)") == nil
                    default: return try await directory.domain("example.test") != nil
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.count == 400 && outcomes.allSatisfy { $0 })
    }
}

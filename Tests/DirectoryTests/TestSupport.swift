import Foundation
import Logging
import Synchronization

@testable import Directory

/// A fresh folder under the system's temporary directory, removed on deinit.
final class TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "almanac-directory-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var directoryPath: String { url.appendingPathComponent("directory.sqlite").path }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let start = ContinuousClock.now
    private let offset = Mutex(Duration.zero)

    var now: ContinuousClock.Instant { start.advanced(by: offset.withLock { $0 }) }

    func advance(by duration: Duration) {
        offset.withLock { $0 += duration }
    }
}

/// Counts scrypt derivations.
final class DerivationCounter: Sendable {
    private let value = Atomic(0)

    var count: Int { value.load(ordering: .sequentiallyConsistent) }

    func increment() {
        value.add(1, ordering: .sequentiallyConsistent)
    }

    /// The fast test hasher, counting into this counter.
    var hasher: PasswordHasher {
        PasswordHasher(parameters: .testing, onDerive: { [self] in increment() })
    }
}

/// A strong password for tests.
let goodPassword = "Correct-Horse-9"

/// Opens a directory with a fast hasher, the test clock and a domain
/// `example.test` holding `demo@example.test` (Enhanced).
func makeDirectory(
    in folder: TemporaryFolder, clock: ManualClock = ManualClock(), counter: DerivationCounter = DerivationCounter(),
    throttle: LoginThrottle.Configuration? = nil
) async throws -> Directory {
    let directory = try Directory(
        path: folder.directoryPath, hasher: counter.hasher,
        throttle: throttle ?? LoginThrottle.Configuration(now: { clock.now }),
        cache: CredentialCache.Configuration(now: { clock.now }), logger: quietLogger)
    if try await directory.domain("example.test") == nil {
        _ = try await directory.addDomain("example.test")
        _ = try await directory.addUser(
            address: "demo@example.test", password: goodPassword, plan: .enhanced, quotaBytes: nil, displayName: "Demo")
    }
    return directory
}

/// A logger that drops everything, to keep test output readable.
let quietLogger = Logger(label: "almanac.directory.tests", factory: { _ in SwiftLogNoOpLogHandler() })

import Foundation
import GRDB
import Logging
import Schemas

/// The directory of domains, users, plans, quotas and credentials, kept in
/// its own SQLite file (`<data>/directory.sqlite`).
///
/// The file is opened in WAL mode with `synchronous = FULL` (an acknowledged
/// write survives a crash or power loss), foreign keys on and a busy
/// timeout, so the server and the command-line tool may use it at once.
/// Each change is one transaction; a refused change writes nothing.
///
/// Password hashing runs before any transaction and off the cooperative
/// thread pool. Logins are throttled (`LoginThrottle`) and verified
/// credentials are cached (`CredentialCache`), keyed so that the cache never
/// holds a password.
public final class Directory: Sendable {
    /// How long a connection waits for another process's write to finish.
    public static let busyTimeout: TimeInterval = 10

    /// Read only through ``readNow(_:)``; write with its async `write`.
    let pool: DatabasePool
    let hasher: PasswordHasher
    /// Throttles failed logins per (login, client) and per client.
    public let throttle: LoginThrottle
    /// Verified credentials of this process.
    public let cache: CredentialCache
    let hashing = HashingQueue()
    let logger: Logger
    /// A hash of a random password, verified against for unknown logins so
    /// that they cost as much as known ones.
    let dummyHash: String

    /// Opens the directory at `path` (the SQLite file), creating it and its
    /// folder if needed, and applies pending migrations.
    public init(
        path: String, hasher: PasswordHasher = .default, throttle: LoginThrottle.Configuration = .default,
        cache: CredentialCache.Configuration = .default, logger: Logger = Logger(label: "almanac.directory")
    ) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        var configuration = Configuration()
        configuration.label = "directory"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        do {
            // DatabasePool switches its writer to synchronous = NORMAL when it
            // enables WAL, after prepareDatabase; NORMAL may lose the last
            // commits on power loss, so set FULL again on the writer.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try Self.migrator.migrate(pool)
        } catch {
            try? pool.close()
            throw error
        }

        self.pool = pool
        self.hasher = hasher
        self.throttle = LoginThrottle(configuration: throttle)
        self.cache = CredentialCache(configuration: cache)
        self.logger = logger
        self.dummyHash = hasher.unmatchableHash()
    }

    /// A read on the calling thread; every read of the directory goes through here.
    ///
    /// GRDB's async `read` costs two or three thread wake-ups, more than the directory's reads
    /// (a user row, a device row, short lists), and every authenticated request makes one. Its
    /// sync `read` runs on the caller's thread. The two must not be mixed: an async read holds
    /// its reader until its task resumes on the cooperative pool, so sync reads blocked waiting
    /// for a reader could occupy every pool thread and none would ever be released. With sync
    /// reads only, a reader is held only while its closure runs, and never waits for anything.
    func readNow<T>(_ block: (Database) throws -> T) throws -> T {
        try pool.read(block)
    }

    /// The directory's migrations, from `Schemas.directory`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in Schemas.directory {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }

    /// The identifiers of the migrations applied to the file.
    public func appliedMigrations() async throws -> [String] {
        try readNow { db in try Self.migrator.appliedIdentifiers(db).sorted() }
    }

    /// Closes the file. Later calls fail.
    public func close() throws {
        try pool.close()
    }
}

import Foundation

/// The layout of a data directory (README "Data directory").
///
/// ```
/// <data>/directory.sqlite        domains, users, plans, credentials
/// <data>/users/<user-id>.sqlite  one store per user (WAL)
/// <data>/almanac.conf            optional configuration file
/// ```
public struct DataDirectory: Sendable, Equatable {
    public let url: URL

    public init(path: String) {
        self.url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    public var directoryDatabase: URL { url.appendingPathComponent("directory.sqlite") }
    public var usersDirectory: URL { url.appendingPathComponent("users", isDirectory: true) }
    public var configurationFile: URL { url.appendingPathComponent("almanac.conf") }

    public func storeFile(userID: Int64) -> URL {
        usersDirectory.appendingPathComponent("\(userID).sqlite")
    }

    /// Creates the directory and its `users/` folder (mode 0700: stores hold private data).
    public func create() throws {
        try FileManager.default.createDirectory(
            at: usersDirectory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
    }
}

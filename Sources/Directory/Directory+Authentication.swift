import Foundation
import GRDB
import Logging

extension Directory {
    /// The longest login considered; longer ones fail (after a dummy hash).
    public static let maximumLoginLength = 320

    /// Verifies a login.
    ///
    /// `login` is the full e-mail address or the `DOMAIN\user` form phones
    /// send, where DOMAIN is the full domain or its first label (NetBIOS
    /// style); case-insensitive. `client` is the client's IP address, used
    /// for throttling.
    ///
    /// Order: resolve the login (one indexed read, which also returns the
    /// current credential version); refuse if throttled, without hashing;
    /// accept a cached verification of the same version; otherwise verify
    /// the hash (unknown logins verify against a dummy hash, so they take as
    /// long) and count a failure or clear the pair's failures.
    public func authenticate(login: String, password: String, client: String) async -> AuthenticationResult {
        let stored: StoredUser?
        do {
            stored = try readNow { db in try Self.resolve(login: login, in: db) }
        } catch {
            logger.error("directory read failed during login", metadata: ["error": "\(error)"])
            return .failure
        }
        let throttleKey = stored?.user.address ?? String(login.lowercased().prefix(Self.maximumLoginLength))

        if let wait = throttle.retryAfter(login: throttleKey, client: client) {
            logger.notice("login throttled", metadata: ["login": "\(throttleKey)", "client": "\(client)"])
            return .throttled(retryAfter: wait)
        }

        if let stored,
            cache.lookup(
                address: stored.user.address, password: password, userID: stored.user.id,
                credentialVersion: stored.user.credentialVersion)
        {
            throttle.recordSuccess(login: throttleKey, client: client)
            return .success(stored.user)
        }

        let hasher = self.hasher
        let dummyHash = self.dummyHash
        let storedHash = stored?.hash
        let verified = await hashing.run { () -> Bool in
            do {
                return try hasher.verify(password, against: storedHash ?? dummyHash) && storedHash != nil
            } catch {
                _ = try? hasher.verify(password, against: dummyHash)
                return false
            }
        }
        guard verified, let stored else {
            if let stored, (try? PasswordHash(parsing: stored.hash)) == nil {
                logger.error("stored password hash is unusable", metadata: ["user": "\(stored.user.id)"])
            }
            throttle.recordFailure(login: throttleKey, client: client)
            logger.info("login failed", metadata: ["login": "\(throttleKey)", "client": "\(client)"])
            return .failure
        }
        cache.insert(
            address: stored.user.address, password: password, userID: stored.user.id,
            credentialVersion: stored.user.credentialVersion)
        throttle.recordSuccess(login: throttleKey, client: client)
        return .success(stored.user)
    }

    /// Finds the user a login names: `user@domain`, `domain\user`, or
    /// `LABEL\user` where LABEL is the first label of exactly one domain
    /// that has such a user.
    static func resolve(login: String, in db: Database) throws -> StoredUser? {
        guard login.utf8.count <= maximumLoginLength else { return nil }
        let login = login.lowercased()
        guard let backslash = login.firstIndex(of: "\\") else {
            return try StoredUser.fetch(address: login, in: db)
        }
        let prefix = login[..<backslash]
        let name = login[login.index(after: backslash)...]
        guard !prefix.isEmpty, !name.isEmpty else { return nil }
        if name.contains("@") { return try StoredUser.fetch(address: String(name), in: db) }
        if prefix.contains(".") { return try StoredUser.fetch(address: "\(name)@\(prefix)", in: db) }
        let matches = try StoredUser.fetch(
            where: "user.local_part = ? AND domain.name LIKE ? ESCAPE '\\'",
            [String(name), Self.escapeLike(String(prefix)) + ".%"], in: db)
        return matches.count == 1 ? matches[0] : nil
    }

    private static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

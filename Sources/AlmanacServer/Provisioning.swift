import Directory
import Foundation
import Store

/// Adding and removing users touches two files: the directory entry and the
/// user's store. The CLI and the demo set-up both go through here.
public struct Provisioning: Sendable {
    public let data: DataDirectory
    public let directory: Directory

    public init(data: DataDirectory, directory: Directory) {
        self.data = data
        self.directory = directory
    }

    /// Creates the user and their store with the standard folders.
    ///
    /// Validation happens in the directory before anything is written; if the
    /// store cannot be created the directory entry is taken back.
    @discardableResult
    public func addUser(
        address: String, password: String, plan: Plan, quotaBytes: Int64?, displayName: String?
    ) async throws -> User {
        let user = try await directory.addUser(
            address: address, password: password, plan: plan, quotaBytes: quotaBytes, displayName: displayName)
        do {
            try data.create()
            let store = try Store(path: data.storeFile(userID: user.id).path, userID: user.id, bus: nil)
            try store.close()
        } catch {
            _ = try? await directory.removeUser(address: user.address)
            throw error
        }
        return user
    }

    /// Removes the user from the directory, then deletes their store.
    @discardableResult
    public func removeUser(address: String) async throws -> User {
        let user = try await directory.removeUser(address: address)
        let file = data.storeFile(userID: user.id).path
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: file + suffix) {
            try FileManager.default.removeItem(atPath: file + suffix)
        }
        return user
    }
}

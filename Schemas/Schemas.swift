/// The SQL of every store and directory migration, embedded in code.
///
/// Migrations are applied in the order listed, by name, and are never edited
/// once released: a change to a schema is a new file and a new entry here.
public enum Schemas {
    /// One migration: its identifier (the file name without `.sql`) and its SQL.
    public struct Migration: Sendable {
        public let identifier: String
        public let sql: String

        init(_ identifier: String, _ bytes: [UInt8]) {
            self.identifier = identifier
            self.sql = String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Migrations of a per-user store (`<data>/users/<user-id>.sqlite`).
    public static let store: [Migration] = [
        Migration("v0001_store", PackageResources.v0001_store_sql),
        Migration("v0002_folder_properties", PackageResources.v0002_folder_properties_sql),
        Migration("v0003_item_search_text", PackageResources.v0003_item_search_text_sql),
        Migration("v0004_item_search", PackageResources.v0004_item_search_sql),
        Migration("v0005_sync_state", PackageResources.v0005_sync_state_sql),
        Migration("v0006_client_add", PackageResources.v0006_client_add_sql),
    ]

    /// Migrations of the directory (`<data>/directory.sqlite`).
    public static let directory: [Migration] = [
        Migration("v0001_directory", PackageResources.v0001_directory_sql),
        Migration("v0002_activesync", PackageResources.v0002_activesync_sql),
    ]
}

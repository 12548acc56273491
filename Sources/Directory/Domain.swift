import Foundation

/// A mail domain the server accepts users for, such as `example.test`.
public struct Domain: Sendable, Equatable {
    /// The row id; never reused.
    public var id: Int64
    /// The lower-cased DNS name.
    public var name: String
    /// When the domain was added.
    public var createdAt: Date

    public init(id: Int64, name: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }
}

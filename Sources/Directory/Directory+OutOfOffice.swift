import Foundation
import GRDB

extension Directory {
    /// The out-of-office settings of the user with this id;
    /// `OutOfOffice.disabled` when they never set any.
    public func outOfOffice(userID: Int64) async throws -> OutOfOffice {
        try readNow { db in
            guard try UserRecord.exists(db, key: userID) else { throw DirectoryError.userIDNotFound(userID) }
            return try OutOfOfficeRecord.fetchOne(db, key: userID)?.outOfOffice() ?? .disabled
        }
    }

    /// Replaces the user's out-of-office settings. They are checked first
    /// (`OutOfOffice.validated()`: a time-based state needs a start before
    /// its end; a period sent with another state is dropped); refused
    /// settings (`invalidOutOfOffice`) write nothing.
    public func setOutOfOffice(userID: Int64, _ value: OutOfOffice) async throws {
        let value = try value.validated()
        try await pool.write { db in
            guard try UserRecord.exists(db, key: userID) else { throw DirectoryError.userIDNotFound(userID) }
            try OutOfOfficeRecord(userID: userID, value: value, updatedAt: Date()).upsert(db)
        }
    }
}

import Conversions
import Store

/// Why one item of a client's request was not applied or fetched. Each case is answered with
/// the item's own status, and the rest of the request goes on.
enum ItemFailure: Error, Sendable, Equatable {
    /// The item's EAS form and its stored text do not convert (MS-ASCMD Sync status 6).
    case conversion(String)
    /// No such item in that folder (status 8).
    case notFound
    /// The user's quota has no room (status 9).
    case quota
    /// Changed on the server since the client's key, and the server wins (status 7).
    case conflict

    /// An InstanceId that names no instance of the item is an object that is not found
    /// (status 8); any other conversion error is status 6.
    init(_ error: ConversionError) {
        if case .noSuchInstance = error {
            self = .notFound
        } else {
            self = .conversion("\(error)")
        }
    }

    /// The failure a store refusal stands for; nil for any other error.
    init?(_ error: StoreError) {
        switch error {
        case .quotaExceeded: self = .quota
        case .itemNotFound, .folderNotFound: self = .notFound
        case .preconditionFailed: self = .conflict  // written by someone else between the read and the write
        case .invalidName: self = .conversion("\(error)")
        default: return nil
        }
    }

    /// The item status of a Sync response (MS-ASCMD 2.2.3.177.17).
    var syncStatus: SyncStatus {
        switch self {
        case .conversion: .errorInClientServerConversion
        case .notFound: .objectNotFound
        case .quota: .syncCannotBeCompleted
        case .conflict: .conflictMatchingClientAndServerObject
        }
    }
}

import Synchronization

/// Rules already computed, by year, TZID and the object's VTIMEZONE of that TZID: a Sync that
/// sends many events of one zone computes its rules once.
enum TimeZoneRulesCache {
    static let shared = Mutex<[String: TimeZoneInformation?]>([:])
    static let limit = 1024
}

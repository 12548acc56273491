/// A mailbox plan: what a user may do and how much they may store.
///
/// Basic mailboxes get storage only; the sync protocols (Exchange ActiveSync,
/// CalDAV, CardDAV) are an Enhanced feature.
public enum Plan: String, Sendable, Codable, CaseIterable {
    case basic
    case enhanced

    /// One gigabyte as the plans count it: 10^9 bytes.
    public static let gigabyte: Int64 = 1_000_000_000

    /// The quotas an operator may give a mailbox of this plan, in bytes:
    /// 0.1–50 GB for Basic, 0.1–200 GB for Enhanced.
    public var quotaRange: ClosedRange<Int64> {
        switch self {
        case .basic: Plan.gigabyte / 10...50 * Plan.gigabyte
        case .enhanced: Plan.gigabyte / 10...200 * Plan.gigabyte
        }
    }

    /// The quota a new mailbox gets when none is given: 5 GB for Basic,
    /// 25 GB for Enhanced.
    public var defaultQuota: Int64 {
        switch self {
        case .basic: 5 * Plan.gigabyte
        case .enhanced: 25 * Plan.gigabyte
        }
    }

    /// Whether the mailbox may use Exchange ActiveSync, CalDAV and CardDAV.
    public var allowsSyncProtocols: Bool {
        switch self {
        case .basic: false
        case .enhanced: true
        }
    }
}

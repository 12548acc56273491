/// The vCard versions this target reads.
///
/// 3.0 (RFC 2426) and 4.0 (RFC 6350) are read and written. 2.1 (the 1996 versit
/// specification) is read so that imports from older clients work, but a CardDAV
/// resource must not be 2.1: ``VCard/validateForCardDAV()`` flags it, and
/// ``VCard/converted(to:)`` turns it into 3.0 or 4.0.
public enum VCardVersion: String, Sendable, Hashable, CaseIterable {
    case v21 = "2.1"
    case v3 = "3.0"
    case v4 = "4.0"
}

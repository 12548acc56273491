import Crypto
import Foundation

/// Name-based UUIDs (RFC 9562 §5.5, version 5: SHA-1 of a namespace UUID and a name): the same name always
/// gives the same UUID, so a configuration profile downloaded twice replaces itself instead of being
/// installed twice.
public enum NameBasedUUID {
    /// The namespace of every UUID Almanac derives (a random version 4 UUID, fixed forever).
    public static let almanacNamespace = UUID(uuidString: "E93B99CB-486E-4DB7-88C5-2576A5CBD7B4")!

    /// The version 5 UUID of `name` (its UTF-8) in `namespace` (RFC 9562 §5.5).
    public static func make(namespace: UUID = almanacNamespace, name: String) -> UUID {
        var input = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        input.append(contentsOf: name.utf8)
        var bytes = Array(Insecure.SHA1.hash(data: input).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5 (RFC 9562 §4.2)
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // variant 10 (RFC 9562 §4.1)
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}

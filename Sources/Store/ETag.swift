import Crypto

/// Strong ETags (RFC 9110 §8.8.3) of item bodies.
///
/// An ETag is the first 16 bytes of the SHA-256 of the body, in lowercase hex
/// (32 characters, stored without quotes): it changes whenever the body
/// changes, is the same for the same bytes (a PUT of identical content keeps
/// it), and survives a move, which keeps the body.
public enum ETag {
    /// The ETag value (without quotes) of `body`.
    public static func of(_ body: [UInt8]) -> String {
        let digest = SHA256.hash(data: body)
        var hex = ""
        hex.reserveCapacity(32)
        for byte in digest.prefix(16) {
            hex += byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }
        return hex
    }
}

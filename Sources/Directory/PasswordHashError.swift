/// Why a stored password hash could not be used. Carries the algorithm name
/// or the offending parameter, never the salt, the key or a password.
public enum PasswordHashError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not `$<algorithm>$<parameters>$<salt>$<key>`.
    case malformed(reason: String)
    /// An algorithm other than scrypt.
    case unsupportedAlgorithm(String)
    /// A parameter is missing, unparsable or outside the accepted bounds.
    case invalidParameter(name: String, value: String)
    /// The key derivation itself failed (for instance, out of memory).
    case derivationFailed(String)

    public var description: String {
        switch self {
        case .malformed(let reason): "malformed password hash: \(reason)"
        case .unsupportedAlgorithm(let name): "unsupported password hash algorithm \"\(name.prefix(32))\""
        case .invalidParameter(let name, let value):
            "invalid password hash parameter \(name.prefix(32))=\"\(value.prefix(32))\""
        case .derivationFailed(let reason): "password hash derivation failed: \(reason)"
        }
    }
}

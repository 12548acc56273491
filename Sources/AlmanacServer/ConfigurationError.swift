/// A configuration that cannot be used; the server refuses to start and says why.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadableFile(path: String, reason: String)
    case syntax(path: String, line: Int, text: String)
    case unknownKey(source: String, key: String)
    case invalidValue(source: String, key: String, value: String, expected: String)
    case incompleteTLS(missing: String)
    case unreadableCertificate(path: String, reason: String)
    case unreadablePrivateKey(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason):
            return "cannot read configuration file \(path): \(reason)"
        case .syntax(let path, let line, let text):
            return "\(path):\(line): expected 'key = value', found '\(text)'"
        case .unknownKey(let source, let key):
            return "\(source): unknown setting '\(key)'"
        case .invalidValue(let source, let key, let value, let expected):
            return "\(source): '\(key)' must be \(expected), not '\(value)'"
        case .incompleteTLS(let missing):
            return "TLS needs both a certificate and a key; \(missing) is not set"
        case .unreadableCertificate(let path, let reason):
            return "cannot read the TLS certificate \(path): \(reason)"
        case .unreadablePrivateKey(let path, let reason):
            return "cannot read the TLS private key \(path): \(reason)"
        }
    }
}

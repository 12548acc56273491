import Foundation

/// A stored scrypt hash in its self-describing PHC-like text form,
/// `$scrypt$ln=15,r=8,p=1$<base64 salt>$<base64 key>` (base64 without
/// padding; padded input is accepted).
///
/// Parsing is bounded: every parameter is range-checked, so a corrupted or
/// hostile row cannot make verification allocate gigabytes or trap.
struct PasswordHash: Sendable, Equatable {
    var parameters: PasswordHasher.Parameters
    var salt: [UInt8]
    var key: [UInt8]

    static let algorithm = "scrypt"
    static let saltByteRange = 8...64
    static let keyByteRange = 16...64
    static let maximumEncodedLength = 512

    init(parameters: PasswordHasher.Parameters, salt: [UInt8], key: [UInt8]) {
        self.parameters = parameters
        self.salt = salt
        self.key = key
    }

    init(parsing text: String) throws(PasswordHashError) {
        guard text.utf8.count <= Self.maximumEncodedLength else { throw .malformed(reason: "too long") }
        let fields = text.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0].isEmpty else {
            throw .malformed(reason: "expected $algorithm$parameters$salt$key")
        }
        guard fields[1] == Self.algorithm else { throw .unsupportedAlgorithm(String(fields[1])) }

        var values: [String: Int] = [:]
        for field in fields[2].split(separator: ",", omittingEmptySubsequences: false) {
            let pair = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { throw .invalidParameter(name: String(field), value: "") }
            let name = String(pair[0])
            guard ["ln", "r", "p"].contains(name), values[name] == nil else {
                throw .invalidParameter(name: name, value: String(pair[1]))
            }
            guard pair[1].count <= 4, pair[1].allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(pair[1])
            else { throw .invalidParameter(name: name, value: String(pair[1])) }
            values[name] = value
        }
        guard let logN = values["ln"] else { throw .invalidParameter(name: "ln", value: "") }
        guard let blockSize = values["r"] else { throw .invalidParameter(name: "r", value: "") }
        guard let parallelism = values["p"] else { throw .invalidParameter(name: "p", value: "") }
        self.parameters = try PasswordHasher.Parameters(logN: logN, blockSize: blockSize, parallelism: parallelism)

        guard let salt = Self.decodeBase64(fields[3]), Self.saltByteRange.contains(salt.count) else {
            throw .malformed(reason: "salt is not \(Self.saltByteRange) bytes of base64")
        }
        guard let key = Self.decodeBase64(fields[4]), Self.keyByteRange.contains(key.count) else {
            throw .malformed(reason: "key is not \(Self.keyByteRange) bytes of base64")
        }
        self.salt = salt
        self.key = key
    }

    /// The text form stored in `credential.hash`.
    var encoded: String {
        "$\(Self.algorithm)$ln=\(parameters.logN),r=\(parameters.blockSize),p=\(parameters.parallelism)$"
            + Self.encodeBase64(salt) + "$" + Self.encodeBase64(key)
    }

    private static func encodeBase64(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }

    private static func decodeBase64(_ text: Substring) -> [UInt8]? {
        var padded = String(text)
        guard !padded.isEmpty, !padded.contains("=") || padded.count % 4 == 0 else { return nil }
        while padded.count % 4 != 0 { padded += "=" }
        return Data(base64Encoded: padded).map { Array($0) }
    }
}

/// Compares two byte strings in time that depends only on their lengths.
func constantTimeEquals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
    return difference == 0
}

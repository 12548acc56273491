import Crypto
import Foundation
import _CryptoExtras

/// Hashes and verifies passwords with scrypt (RFC 7914).
///
/// Each hash has a random 16-byte salt and records its own parameters, so
/// the cost can be raised later without invalidating stored hashes
/// (`needsRehash(_:)` tells when one is below the current cost). Passwords
/// are normalised to Unicode NFC first (as RFC 8265's OpaqueString does), so
/// a client that sends decomposed accents still matches.
///
/// Hashing is deliberately slow (`default` takes tens of milliseconds and
/// 32 MiB); call it off the cooperative thread pool.
public struct PasswordHasher: Sendable {
    /// The scrypt cost: N = 2^logN, r = blockSize, p = parallelism.
    public struct Parameters: Sendable, Equatable, Hashable {
        /// log2 of scrypt's N, the CPU/memory cost.
        public let logN: Int
        /// scrypt's r.
        public let blockSize: Int
        /// scrypt's p.
        public let parallelism: Int

        /// Accepted bounds: 1 ≤ logN ≤ 20, 1 ≤ r ≤ 32, 1 ≤ p ≤ 16, and at most
        /// 1 GiB of memory (128 · N · r bytes).
        public static let logNRange = 1...20
        public static let blockSizeRange = 1...32
        public static let parallelismRange = 1...16
        public static let maximumMemory = 1 << 30

        public init(logN: Int, blockSize: Int, parallelism: Int) throws(PasswordHashError) {
            guard Self.logNRange.contains(logN) else { throw .invalidParameter(name: "ln", value: String(logN)) }
            guard Self.blockSizeRange.contains(blockSize) else {
                throw .invalidParameter(name: "r", value: String(blockSize))
            }
            guard Self.parallelismRange.contains(parallelism) else {
                throw .invalidParameter(name: "p", value: String(parallelism))
            }
            guard (128 << logN) * blockSize <= Self.maximumMemory else {
                throw .invalidParameter(name: "ln", value: String(logN))
            }
            self.logN = logN
            self.blockSize = blockSize
            self.parallelism = parallelism
        }

        /// The production cost: N = 2^15, r = 8, p = 1 (32 MiB).
        public static let production = try! Parameters(logN: 15, blockSize: 8, parallelism: 1)
        /// A cost for tests only: N = 2^4, r = 8, p = 1.
        public static let testing = try! Parameters(logN: 4, blockSize: 8, parallelism: 1)
    }

    /// The cost of new hashes.
    public var parameters: Parameters
    /// The length of each new random salt.
    public var saltByteCount: Int = 16
    /// The length of the derived key.
    public var keyByteCount: Int = 32
    /// Called once per key derivation (hash or verification); for tests and metrics.
    public var onDerive: (@Sendable () -> Void)?

    public init(parameters: Parameters, onDerive: (@Sendable () -> Void)? = nil) {
        self.parameters = parameters
        self.onDerive = onDerive
    }

    /// The production cost (ln=15, r=8, p=1).
    public static let `default` = PasswordHasher(parameters: .production)
    /// A cheap cost for tests (ln=4); never use it for real passwords.
    public static let fast = PasswordHasher(parameters: .testing)

    /// Hashes a password with a fresh random salt; returns the text to store.
    public func hash(_ password: String) throws(PasswordHashError) -> String {
        let bytes = Self.normalized(password)
        guard !bytes.isEmpty else { throw .derivationFailed("empty password") }
        let salt = SymmetricKey(size: SymmetricKeySize(bitCount: saltByteCount * 8)).withUnsafeBytes { Array($0) }
        let key = try derive(bytes, salt: salt, parameters: parameters, byteCount: keyByteCount)
        return PasswordHash(parameters: parameters, salt: salt, key: key).encoded
    }

    /// A well-formed hash at this cost that no password matches: random salt
    /// and random key, no derivation. Verifying against it costs what a real
    /// verification costs, which is what unknown logins need; making it costs
    /// nothing, so opening a directory (every CLI command) stays instant.
    public func unmatchableHash() -> String {
        let salt = SymmetricKey(size: SymmetricKeySize(bitCount: saltByteCount * 8)).withUnsafeBytes { Array($0) }
        let key = SymmetricKey(size: SymmetricKeySize(bitCount: keyByteCount * 8)).withUnsafeBytes { Array($0) }
        return PasswordHash(parameters: parameters, salt: salt, key: key).encoded
    }

    /// Whether `password` matches the stored hash, compared in constant time.
    /// Throws only when the stored text is not a usable hash.
    public func verify(_ password: String, against stored: String) throws(PasswordHashError) -> Bool {
        let hash = try PasswordHash(parsing: stored)
        let bytes = Self.normalized(password)
        // An empty password never matches, but costs the same as any other.
        let derived = try derive(
            bytes.isEmpty ? [0] : bytes, salt: hash.salt, parameters: hash.parameters,
            byteCount: hash.key.count)
        return constantTimeEquals(derived, hash.key) && !bytes.isEmpty
    }

    /// Whether a stored hash was made at a cost other than `parameters`, or
    /// cannot be read at all.
    public func needsRehash(_ stored: String) -> Bool {
        guard let hash = try? PasswordHash(parsing: stored) else { return true }
        return hash.parameters != parameters || hash.key.count != keyByteCount
    }

    /// The stored hash's parameters.
    public static func parameters(of stored: String) throws(PasswordHashError) -> Parameters {
        try PasswordHash(parsing: stored).parameters
    }

    private func derive(_ password: [UInt8], salt: [UInt8], parameters: Parameters, byteCount: Int)
        throws(PasswordHashError) -> [UInt8]
    {
        onDerive?()
        do {
            let key = try KDF.Scrypt.deriveKey(
                from: password, salt: salt, outputByteCount: byteCount, rounds: 1 << parameters.logN,
                blockSize: parameters.blockSize, parallelism: parameters.parallelism)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw .derivationFailed(String(describing: error))
        }
    }

    private static func normalized(_ password: String) -> [UInt8] {
        Array(password.precomposedStringWithCanonicalMapping.utf8)
    }
}

import Foundation
import Testing

@testable import Directory

struct PasswordHasherTests {
    let hasher = PasswordHasher.fast

    @Test func verifiesRightAndRefusesWrong() throws {
        let stored = try hasher.hash(goodPassword)
        #expect(try hasher.verify(goodPassword, against: stored))
        #expect(try !hasher.verify("correct-horse-9", against: stored))
        #expect(try !hasher.verify(goodPassword + " ", against: stored))
        #expect(try !hasher.verify("", against: stored))
    }

    @Test func unmatchableHashIsWellFormedCostsAVerificationAndMatchesNothing() throws {
        let counter = DerivationCounter()
        let hasher = counter.hasher
        let dummy = hasher.unmatchableHash()
        #expect(counter.count == 0)
        #expect(try PasswordHasher.parameters(of: dummy) == .testing)
        #expect(try hasher.verify("anything", against: dummy) == false)
        #expect(try hasher.verify("", against: dummy) == false)
        #expect(counter.count == 2)
        #expect(hasher.unmatchableHash() != dummy)
    }

    @Test func storedFormIsSelfDescribingAndHoldsNoPassword() throws {
        let stored = try hasher.hash(goodPassword)
        #expect(stored.hasPrefix("$scrypt$ln=4,r=8,p=1$"))
        #expect(!stored.contains(goodPassword))
        let fields = stored.split(separator: "$", omittingEmptySubsequences: false)
        #expect(fields.count == 5)
        #expect(fields[3].count == 22)  // 16 bytes, unpadded base64
        #expect(fields[4].count == 43)  // 32 bytes, unpadded base64
    }

    @Test func differentSaltsGiveDifferentHashes() throws {
        let first = try hasher.hash(goodPassword)
        let second = try hasher.hash(goodPassword)
        #expect(first != second)
        #expect(try hasher.verify(goodPassword, against: first))
        #expect(try hasher.verify(goodPassword, against: second))
    }

    @Test func parametersRoundTrip() throws {
        let custom = PasswordHasher(parameters: try .init(logN: 5, blockSize: 4, parallelism: 2))
        let stored = try custom.hash(goodPassword)
        #expect(stored.hasPrefix("$scrypt$ln=5,r=4,p=2$"))
        #expect(try PasswordHasher.parameters(of: stored) == custom.parameters)
        // Verification reads the cost from the stored text, not from the hasher.
        #expect(try hasher.verify(goodPassword, against: stored))
        #expect(hasher.needsRehash(stored))
        #expect(!custom.needsRehash(stored))
        let parsed = try PasswordHash(parsing: stored)
        #expect(parsed.encoded == stored)
    }

    @Test func acceptsPaddedBase64AndParametersInAnyOrder() throws {
        let stored = try hasher.hash(goodPassword)
        let fields = stored.split(separator: "$", omittingEmptySubsequences: false)
        let rewritten = "$scrypt$p=1,r=8,ln=4$\(fields[3])==$\(fields[4])="
        #expect(try hasher.verify(goodPassword, against: rewritten))
    }

    @Test func knownAnswer() throws {
        // RFC 7914 §12, third vector: P="pleaseletmein", S="SodiumChloride", N=16384, r=8, p=1, dkLen=64.
        let salt = Data("SodiumChloride".utf8).base64EncodedString()
        let key =
            "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9"
            + "e61e85dc0d651e40dfcf017b45575887"
        let keyBytes = stride(from: 0, to: key.count, by: 2).map { offset -> UInt8 in
            let start = key.index(key.startIndex, offsetBy: offset)
            return UInt8(key[start..<key.index(start, offsetBy: 2)], radix: 16)!
        }
        let stored = "$scrypt$ln=14,r=8,p=1$\(salt)$\(Data(keyBytes).base64EncodedString())"
        #expect(try hasher.verify("pleaseletmein", against: stored))
        #expect(try !hasher.verify("pleaseletmeIn", against: stored))
    }

    @Test func normalisesUnicode() throws {
        let composed = "Caf\u{E9}-Pass1"
        let decomposed = "Cafe\u{301}-Pass1"
        let stored = try hasher.hash(composed)
        #expect(try hasher.verify(decomposed, against: stored))
    }

    @Test(
        arguments: [
            ("", PasswordHashError.malformed(reason: "expected $algorithm$parameters$salt$key")),
            ("plaintext", .malformed(reason: "expected $algorithm$parameters$salt$key")),
            (
                "$scrypt$ln=4,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA",
                .malformed(reason: "expected $algorithm$parameters$salt$key")
            ),
            ("$argon2id$v=19$c2FsdA$a2V5", .unsupportedAlgorithm("argon2id")),
            (
                "$scrypt$ln=4,r=8$c2FsdHNhbHRzYWx0c2FsdA$" + String(repeating: "A", count: 43),
                .invalidParameter(name: "p", value: "")
            ),
            (
                "$scrypt$ln=99,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + String(repeating: "A", count: 43),
                .invalidParameter(name: "ln", value: "99")
            ),
            (
                "$scrypt$ln=20,r=32,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + String(repeating: "A", count: 43),
                .invalidParameter(name: "ln", value: "20")
            ),
            (
                "$scrypt$ln=x,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + String(repeating: "A", count: 43),
                .invalidParameter(name: "ln", value: "x")
            ),
            (
                "$scrypt$ln=-4,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + String(repeating: "A", count: 43),
                .invalidParameter(name: "ln", value: "-4")
            ),
            (
                "$scrypt$ln=4,ln=4,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + String(repeating: "A", count: 43),
                .invalidParameter(name: "ln", value: "4")
            ),
            (
                "$scrypt$ln=4,r=8,p=1,q=2$c2FsdHNhbHRzYWx0c2FsdA$" + String(repeating: "A", count: 43),
                .invalidParameter(name: "q", value: "2")
            ),
            (
                "$scrypt$ln=4,r=0,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + String(repeating: "A", count: 43),
                .invalidParameter(name: "r", value: "0")
            ),
            (
                "$scrypt$ln=4,r=8,p=1$!!!!$" + String(repeating: "A", count: 43),
                .malformed(reason: "salt is not 8...64 bytes of base64")
            ),
            (
                "$scrypt$ln=4,r=8,p=1$c2FsdA$" + String(repeating: "A", count: 43),
                .malformed(reason: "salt is not 8...64 bytes of base64")
            ),
            (
                "$scrypt$ln=4,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$a2V5",
                .malformed(reason: "key is not 16...64 bytes of base64")
            ),
            ("$scrypt$ln=4,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$", .malformed(reason: "key is not 16...64 bytes of base64")),
        ] as [(String, PasswordHashError)])
    func malformedStoredHashIsATypedError(stored: String, error: PasswordHashError) {
        #expect(throws: error) { try hasher.verify(goodPassword, against: stored) }
        #expect(hasher.needsRehash(stored))
    }

    @Test func overlongStoredHashIsRefused() {
        let stored = "$scrypt$ln=4,r=8,p=1$" + String(repeating: "A", count: 600)
        #expect(throws: PasswordHashError.malformed(reason: "too long")) { try hasher.verify("x", against: stored) }
    }

    @Test func countsDerivations() throws {
        let counter = DerivationCounter()
        let hasher = counter.hasher
        let stored = try hasher.hash(goodPassword)
        _ = try hasher.verify(goodPassword, against: stored)
        _ = try hasher.verify("wrong", against: stored)
        #expect(counter.count == 3)
    }

    @Test func defaultCostIsProductionGrade() throws {
        #expect(PasswordHasher.default.parameters == (try .init(logN: 15, blockSize: 8, parallelism: 1)))
        let clock = ContinuousClock()
        var stored = ""
        let elapsed = try clock.measure { stored = try PasswordHasher.default.hash(goodPassword) }
        #expect(stored.hasPrefix("$scrypt$ln=15,r=8,p=1$"))
        // Slow enough to hurt guessing, fast enough for a login.
        #expect(elapsed > .milliseconds(10))
        #expect(elapsed < .seconds(5))
    }
}

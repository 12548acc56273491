import Testing

@testable import WBXML

/// RFC 4648 §10 test vectors, and the refusals of non-canonical input.
struct Base64Tests {
    @Test func rfc4648Vectors() {
        let vectors = [
            ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ]
        for (plain, encoded) in vectors {
            var output: [UInt8] = []
            Base64.encode(Array(plain.utf8), to: &output)
            #expect(output == Array(encoded.utf8))
            #expect(Base64.decode(Array(encoded.utf8)) == Array(plain.utf8))
        }
    }

    @Test func skipsWhitespaceAndRefusesTheRest() {
        #expect(Base64.decode(Array("Zm9v\r\nYmFy\n".utf8)) == Array("foobar".utf8))
        for bad in ["Zg=", "Zg", "Z===", "Zm9v=", "Zh==", "Zm9=", "Zm=v", "Zm9v!A==", "====", "Zg==Zg=="] {
            #expect(Base64.decode(Array(bad.utf8)) == nil, "\(bad)")
        }
    }

    @Test func everyByteValueRoundTrips() {
        let bytes = (0...255).map { UInt8($0) }
        for length in 0...bytes.count {
            var output: [UInt8] = []
            Base64.encode(Array(bytes.prefix(length)), to: &output)
            #expect(Base64.decode(output) == Array(bytes.prefix(length)))
        }
    }
}

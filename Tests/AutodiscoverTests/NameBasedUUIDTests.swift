import Autodiscover
import Foundation
import Testing

struct NameBasedUUIDTests {
    /// RFC 9562 Appendix A.4: the version 5 UUID of "www.example.com" in the DNS namespace.
    @Test func rfcExample() throws {
        let dns = try #require(UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8"))
        #expect(
            NameBasedUUID.make(namespace: dns, name: "www.example.com")
                == UUID(uuidString: "2ed6657d-e927-568b-95e1-2665a8aea6a2"))
    }

    @Test func versionAndVariantBits() {
        let uuid = NameBasedUUID.make(name: "com.apple.eas.account:demo@example.test").uuid
        #expect(uuid.6 >> 4 == 5)
        #expect(uuid.8 >> 6 == 0b10)
    }

    @Test func differentNamesGiveDifferentUUIDs() {
        let names = ["a", "b", "Configuration:demo@example.test", "Configuration:Demo@example.test", ""]
        #expect(Set(names.map { NameBasedUUID.make(name: $0) }).count == names.count)
        #expect(NameBasedUUID.make(name: "a") == NameBasedUUID.make(name: "a"))
    }
}

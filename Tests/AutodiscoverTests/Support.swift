import Autodiscover
import Foundation
import Testing

/// The bytes of a golden file in Fixtures/, written by hand and never by a test.
func fixture(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    return Array(try Data(contentsOf: url))
}

/// Bytes as text, for readable failures.
func text(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
}

/// The Enhanced mailbox of the golden files.
let demo = OnboardingAccount(emailAddress: "demo@example.test", displayName: "Demo User", allowsSyncProtocols: true)

/// The Basic mailbox of the golden files.
let basic = OnboardingAccount(emailAddress: "basic@example.test", displayName: "Basic User", allowsSyncProtocols: false)

/// The endpoints of the golden files.
let endpoints = OnboardingEndpoints(
    activeSync: "https://mail.example.com/Microsoft-Server-ActiveSync", calDAV: "https://mail.example.com/caldav",
    cardDAV: "https://mail.example.com/carddav")

/// A request body as a client sends it.
func request(_ address: String, schema: String, namespace: String = "mobilesync") -> [UInt8] {
    Array(
        """
        <?xml version="1.0" encoding="utf-8"?>
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/\(namespace)/requestschema/2006">
          <Request>
            <EMailAddress>\(address)</EMailAddress>
            <AcceptableResponseSchema>\(schema)</AcceptableResponseSchema>
          </Request>
        </Autodiscover>
        """.utf8)
}

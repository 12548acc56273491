import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL
import Testing

/// `almanac serve` with a certificate speaks HTTPS.
struct TLSServerTests {
    @Test func servesHTTPSWithConfiguredCertificate() async throws {
        let data = temporaryDataDirectory()
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: data) }
        let certificate = data + "/cert.pem"
        let key = data + "/key.pem"
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1",
            "-subj", "/CN=127.0.0.1",
        ]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0)

        let server = try AlmanacProcess(serve: [
            "--data-dir", data, "--tls-certificate", certificate, "--tls-key", key,
        ])
        let port = try await server.waitUntilListening(scheme: "https")
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
        let response = try await client.execute(
            HTTPClientRequest(url: "https://127.0.0.1:\(port)/healthz"), timeout: .seconds(30))
        #expect(response.status.code == 200)
        try await client.shutdown()
        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
    }
}

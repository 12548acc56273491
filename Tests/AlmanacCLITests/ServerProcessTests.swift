import Foundation
import Testing

/// `almanac serve` as a real process on loopback.
struct ServerProcessTests {
    /// The README's first-run check: demo accounts, health with credentials,
    /// the plan gate for both plans, a wrong password, the throttle, and a
    /// clean stop on SIGTERM.
    @Test func demoServer() async throws {
        let data = temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let server = try AlmanacProcess(serve: ["--demo", "--data-dir", data])
        let http = HTTP(port: try await server.waitUntilListening())
        let demo = try #require(password(of: "demo@example.test", in: server.standardOutput))
        let basic = try #require(password(of: "basic@example.test", in: server.standardOutput))

        let health = try await http.request(.GET, "/healthz", login: ("demo@example.test", demo))
        #expect(health.status == 200)
        #expect(health.body.contains("enhanced"))
        // What the server adds to every answer (RFC 9110 §6.6.1, §10.2.4): an IMF-fixdate of now.
        #expect(health.headers.first(name: "Server") == "Almanac")
        let date = try #require(health.headers.first(name: "Date"))
        #expect(date.hasSuffix(" GMT") && date.count == 29, "\(date)")
        #expect(date.contains(String(Calendar(identifier: .gregorian).component(.year, from: Date()))))

        for path in ["/dav/", "/Microsoft-Server-ActiveSync?Cmd=FolderSync&DeviceId=A1&DeviceType=iPhone"] {
            let enhanced = try await http.request(.POST, path, login: ("demo@example.test", demo))
            #expect(enhanced.status != 403 && enhanced.status != 401, "\(path): \(enhanced.status)")
            let refused = try await http.request(.POST, path, login: ("basic@example.test", basic))
            #expect(refused.status == 403)
            #expect(refused.body.contains("needs an Enhanced mailbox"))
        }

        let wrong = try await http.request(.GET, "/caldav", login: ("demo@example.test", "Wrong-Password-0"))
        #expect(wrong.status == 401)
        #expect(wrong.headers.first(name: "WWW-Authenticate")?.hasPrefix("Basic realm=") == true)
        for attempt in 2...10 {
            let response = try await http.request(.GET, "/caldav", login: ("demo@example.test", "Wrong-\(attempt)!x"))
            #expect(response.status == 401)
        }
        let eleventh = try await http.request(.GET, "/caldav", login: ("demo@example.test", "Wrong-11!x"))
        #expect(eleventh.status == 429)
        #expect(eleventh.headers.first(name: "Retry-After") != nil)

        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
    }

    /// A second `--demo` start on the same data keeps what is there.
    @Test func demoNeverTouchesExistingData() async throws {
        let data = temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let first = try AlmanacProcess(serve: ["--demo", "--data-dir", data])
        _ = try await first.waitUntilListening()
        let demo = try #require(password(of: "demo@example.test", in: first.standardOutput))
        first.signal(SIGINT)
        #expect(try await first.waitForExit() == 0)

        let second = try AlmanacProcess(serve: ["--demo", "--data-dir", data])
        let http = HTTP(port: try await second.waitUntilListening())
        #expect(password(of: "demo@example.test", in: second.standardOutput) == nil)
        #expect(second.standardOutput.contains("already has users"))
        let health = try await http.request(.GET, "/healthz", login: ("demo@example.test", demo))
        #expect(health.status == 200)
        second.signal(SIGTERM)
        _ = try await second.waitForExit()
    }

    /// An acknowledged write survives `kill -9`.
    @Test func acknowledgedWriteSurvivesKill9() async throws {
        let data = temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        #expect(try AlmanacProcess.run(["domain", "add", "example.com", "--data-dir", data]).status == 0)
        let add = try AlmanacProcess.run(
            ["user", "add", "carol@example.com", "--plan", "enhanced", "--password-stdin", "--data-dir", data],
            input: "Old-Password-1\n")
        #expect(add.status == 0)

        let server = try AlmanacProcess(serve: ["--data-dir", data])
        var http = HTTP(port: try await server.waitUntilListening())
        let change = try await http.request(
            .POST, "/account/password", login: ("carol@example.com", "Old-Password-1"),
            body: "password=New-Password-2", contentType: "application/x-www-form-urlencoded")
        #expect(change.status == 204)
        server.signal(SIGKILL)
        _ = try await server.waitForExit()

        let restarted = try AlmanacProcess(serve: ["--data-dir", data])
        http = HTTP(port: try await restarted.waitUntilListening())
        let new = try await http.request(.GET, "/healthz", login: ("carol@example.com", "New-Password-2"))
        #expect(new.status == 200)
        let old = try await http.request(.GET, "/healthz", login: ("carol@example.com", "Old-Password-1"))
        #expect(old.status == 401)
        restarted.signal(SIGTERM)
        _ = try await restarted.waitForExit()
    }

    /// `almanac serve` raises its soft limit on open files to the hard one (``DescriptorLimit``):
    /// started with a soft limit of 256, it runs with the hard limit.
    @Test func serveRaisesTheOpenFileLimit() async throws {
        let data = temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let server = try AlmanacProcess(serve: ["--data-dir", data], softDescriptorLimit: 256)
        _ = try await server.waitUntilListening()
        let limits = try String(contentsOfFile: "/proc/\(server.process.processIdentifier)/limits", encoding: .utf8)
        let line = try #require(limits.split(separator: "\n").first { $0.hasPrefix("Max open files") })
        let fields = line.dropFirst("Max open files".count).split(separator: " ")
        let soft = try #require(UInt64(fields[0]))
        let hard = UInt64(fields[1]) ?? .max  // "unlimited"
        #expect(soft > 256)
        #expect(soft == min(hard, 1_048_576))
        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
    }

    @Test func unreadableCertificateRefusesToStart() throws {
        let data = temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let result = try AlmanacProcess.run(
            [
                "serve", "--data-dir", data, "--port", "0", "--tls-certificate", "/nonexistent/cert.pem",
                "--tls-key", "/nonexistent/key.pem",
            ])
        #expect(result.status == 2)
        #expect(result.standardError.contains("cannot read the TLS certificate /nonexistent/cert.pem"))
    }

    /// The password printed for `address` in the demo banner.
    private func password(of address: String, in output: String) -> String? {
        for line in output.split(separator: "\n") where line.contains(address) && line.contains("password: ") {
            let rest = line[line.range(of: "password: ")!.upperBound...]
            return String(rest.prefix { $0 != " " })
        }
        return nil
    }
}

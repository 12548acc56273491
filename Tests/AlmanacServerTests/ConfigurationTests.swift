import ActiveSync
import AlmanacServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

struct ConfigurationTests {
    @Test func precedenceIsFlagsThenEnvironmentThenFileThenDefaults() throws {
        let file = try temporaryFile(
            """
            # a comment
            host = 0.0.0.0
            port = 9000
            public-host = "mail.example.com"
            log-level = debug
            """)
        let configuration = try ServerConfiguration.load(
            configFile: file, environment: ["ALMANAC_PORT": "9001", "ALMANAC_MAX_OPEN_STORES": "12"],
            flags: ["port": "9002"])
        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.port == 9002)
        #expect(configuration.publicHost == "mail.example.com")
        #expect(configuration.maxOpenStores == 12)
        #expect(configuration.logLevel == .debug)
        #expect(configuration.dataDirectory == "data")
        #expect(configuration.baseURL(boundPort: 9002) == "http://mail.example.com:9002")
    }

    @Test func dataDirectoryFileIsReadWhenNoneIsNamed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "port = 7000\n".write(
            to: directory.appendingPathComponent("almanac.conf"), atomically: true, encoding: .utf8)
        let configuration = try ServerConfiguration.load(environment: ["ALMANAC_DATA_DIR": directory.path], flags: [:])
        #expect(configuration.port == 7000)
        #expect(configuration.dataDirectory == directory.path)
    }

    @Test func badValuesAreNamed() throws {
        #expect(
            throws: ConfigurationError.invalidValue(
                source: "--port", key: "port", value: "http", expected: "a port number from 0 to 65535")
        ) {
            try ServerConfiguration.load(environment: [:], flags: ["port": "http"])
        }
        #expect(
            throws: ConfigurationError.invalidValue(
                source: "ALMANAC_PORT", key: "port", value: "70000", expected: "a port number from 0 to 65535")
        ) {
            try ServerConfiguration.load(environment: ["ALMANAC_PORT": "70000"], flags: [:])
        }
        let unknown = try temporaryFile("colour = blue\n")
        #expect(throws: ConfigurationError.unknownKey(source: "\(unknown):1", key: "colour")) {
            try ServerConfiguration.load(configFile: unknown, environment: [:], flags: [:])
        }
        let garbage = try temporaryFile("host 1.2.3.4\n")
        #expect(throws: ConfigurationError.syntax(path: garbage, line: 1, text: "host 1.2.3.4")) {
            try ServerConfiguration.load(configFile: garbage, environment: [:], flags: [:])
        }
        #expect(throws: ConfigurationError.incompleteTLS(missing: "tls-key")) {
            try ServerConfiguration.load(environment: [:], flags: ["tls-certificate": "/x.pem"])
        }
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.load(configFile: "/nonexistent/almanac.conf", environment: [:], flags: [:])
        }
    }

    @Test func publicBaseDomainIsADomainName() throws {
        let file = try temporaryFile("public-base-domain = Almanac.Example.NET.\n")
        #expect(
            try ServerConfiguration.load(configFile: file, environment: [:], flags: [:]).publicBaseDomain
                == "almanac.example.net")
        let fromEnvironment = try ServerConfiguration.load(
            configFile: file, environment: ["ALMANAC_PUBLIC_BASE_DOMAIN": "w-base.example.org"], flags: [:])
        #expect(fromEnvironment.publicBaseDomain == "w-base.example.org")
        let cleared = try ServerConfiguration.load(
            configFile: file, environment: [:], flags: ["public-base-domain": ""])
        #expect(cleared.publicBaseDomain == nil)
        #expect(try ServerConfiguration.load(environment: [:], flags: [:]).publicBaseDomain == nil)
        #expect(
            throws: ConfigurationError.invalidValue(
                source: "--public-base-domain", key: "public-base-domain", value: "not a domain",
                expected: "a domain name such as almanac.example.net")
        ) {
            try ServerConfiguration.load(environment: [:], flags: ["public-base-domain": "not a domain"])
        }
    }

    @Test func deviceIdleDaysIsADayCountOrZero() throws {
        #expect(try ServerConfiguration.load(environment: [:], flags: [:]).deviceIdleDays == 30)
        let file = try temporaryFile("device-idle-days = 90\n")
        #expect(try ServerConfiguration.load(configFile: file, environment: [:], flags: [:]).deviceIdleDays == 90)
        let fromEnvironment = try ServerConfiguration.load(
            configFile: file, environment: ["ALMANAC_DEVICE_IDLE_DAYS": "7"], flags: [:])
        #expect(fromEnvironment.deviceIdleDays == 7)
        let fromFlag = try ServerConfiguration.load(
            configFile: file, environment: ["ALMANAC_DEVICE_IDLE_DAYS": "7"], flags: ["device-idle-days": "3650"])
        #expect(fromFlag.deviceIdleDays == 3650)
        #expect(try ServerConfiguration.load(environment: [:], flags: ["device-idle-days": "1"]).deviceIdleDays == 1)
        // 0 keeps idle devices (ActiveSync's nil), and wins over a file that prunes.
        #expect(
            try ServerConfiguration.load(configFile: file, environment: [:], flags: ["device-idle-days": "0"])
                .deviceIdleDays == nil)
        let expected = "a number of days from 1 to 3650, or 0 to keep idle devices"
        for bad in ["3651", "-1", "30d", "never", "", "1.5"] {
            #expect(
                throws: ConfigurationError.invalidValue(
                    source: "--device-idle-days", key: "device-idle-days", value: bad, expected: expected)
            ) {
                try ServerConfiguration.load(environment: [:], flags: ["device-idle-days": bad])
            }
        }
        #expect(
            throws: ConfigurationError.invalidValue(
                source: "ALMANAC_DEVICE_IDLE_DAYS", key: "device-idle-days", value: "100000", expected: expected)
        ) {
            try ServerConfiguration.load(environment: ["ALMANAC_DEVICE_IDLE_DAYS": "100000"], flags: [:])
        }
        let badFile = try temporaryFile("device-idle-days = forever\n")
        #expect(
            throws: ConfigurationError.invalidValue(
                source: "\(badFile):1", key: "device-idle-days", value: "forever", expected: expected)
        ) {
            try ServerConfiguration.load(configFile: badFile, environment: [:], flags: [:])
        }
    }

    @Test func pingSettingsHaveDefaultsBoundsAndPrecedence() throws {
        let defaults = try ServerConfiguration.load(environment: [:], flags: [:])
        #expect(defaults.heartbeatRange == 60...3540)
        #expect(
            defaults.requestLimits
                == RequestAdmission.Limits(requestsPerDevice: 4, requestsPerUser: 40, waitingPerUser: 20))
        #expect(defaults.idleTimeout == 120)
        let file = try temporaryFile("heartbeat-min = 120\nheartbeat-max = 1800\nwaiting-per-user = 5\n")
        let loaded = try ServerConfiguration.load(
            configFile: file, environment: ["ALMANAC_HEARTBEAT_MAX": "900", "ALMANAC_IDLE_TIMEOUT": "30"],
            flags: ["requests-per-device": "2", "requests-per-user": "10"])
        #expect(loaded.heartbeatRange == 120...900)
        #expect(loaded.requestLimits.requestsPerDevice == 2)
        #expect(loaded.requestLimits.requestsPerUser == 10)
        #expect(loaded.requestLimits.waitingPerUser == 5)
        #expect(loaded.idleTimeout == 30)
        let refusals: [(String, String, String)] = [
            ("heartbeat-min", "9", "a number of seconds from 10 to 3540"),
            ("heartbeat-max", "3541", "a number of seconds from 10 to 3540"),
            ("requests-per-device", "0", "a number from 1 to 100"),
            ("requests-per-user", "many", "a number from 1 to 10000"),
            ("waiting-per-user", "-1", "a number from 1 to 10000"),
            ("idle-timeout", "4", "a number of seconds from 5 to 3600"),
        ]
        for (key, value, expected) in refusals {
            #expect(
                throws: ConfigurationError.invalidValue(source: "--\(key)", key: key, value: value, expected: expected)
            ) {
                try ServerConfiguration.load(environment: [:], flags: [key: value])
            }
        }
        // Each bound alone is in range; together the minimum may not pass the maximum.
        #expect(
            throws: ConfigurationError.invalidValue(
                source: "heartbeat-min", key: "heartbeat-min", value: "600", expected: "at most heartbeat-max (300)")
        ) {
            try ServerConfiguration.load(environment: [:], flags: ["heartbeat-min": "600", "heartbeat-max": "300"])
        }
    }

    /// The setting reaches ActiveSync: a new device removes the user's devices idle longer
    /// than `device-idle-days`, and with 0 it removes none.
    @Test(arguments: [(10, false), (60, true), (0, true)])
    func deviceIdleDaysPrunesThroughTheRouter(days: Int, oldDeviceKept: Bool) async throws {
        try await Fixture.with { fixture in
            var fixture = fixture
            fixture.configuration = try ServerConfiguration.load(
                environment: [:], flags: ["device-idle-days": String(days)])
            let user = try #require(try await fixture.directory.user(address: "demo@example.test"))
            _ = try await fixture.directory.registerDevice(
                userID: user.id, deviceID: "OldPhone", deviceType: "iPhone", userAgent: nil, protocolVersion: "14.1",
                pruneIdleAfter: nil, now: Date() - 40 * 86_400)
            try await fixture.application().test(.router) { client in
                var headers = basicAuth("demo@example.test")
                headers[HTTPField.Name("MS-ASProtocolVersion")!] = "14.1"
                let response = try await client.execute(
                    uri: "/Microsoft-Server-ActiveSync?Cmd=FolderSync&User=demo&DeviceId=NewPhone&DeviceType=iPhone",
                    method: .post, headers: headers)
                #expect(response.status == .ok)
            }
            #expect(try await fixture.directory.device(userID: user.id, deviceID: "NewPhone") != nil)
            #expect((try await fixture.directory.device(userID: user.id, deviceID: "OldPhone") != nil) == oldDeviceKept)
        }
    }

    @Test func unreadableCertificateRefusesToStart() async throws {
        var configuration = ServerConfiguration()
        configuration.tlsCertificate = "/nonexistent/cert.pem"
        configuration.tlsKey = "/nonexistent/key.pem"
        configuration.dataDirectory =
            FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        let service = AlmanacService(configuration: configuration, logger: .init(label: "test"))
        await #expect {
            try await service.run()
        } throws: { error in
            guard case ConfigurationError.unreadableCertificate(let path, _) = error else { return false }
            return path == "/nonexistent/cert.pem"
        }
        #expect(!FileManager.default.fileExists(atPath: configuration.dataDirectory))
    }

    @Test func clientURLs() {
        var configuration = ServerConfiguration()
        configuration.tlsCertificate = "c"
        configuration.tlsKey = "k"
        configuration.publicHost = "mail.example.com"
        let urls = ClientURLs(base: configuration.baseURL(boundPort: 443))
        #expect(urls.activeSync == "https://mail.example.com/Microsoft-Server-ActiveSync")
        #expect(urls.calDAV == "https://mail.example.com/caldav")
        #expect(urls.cardDAV == "https://mail.example.com/carddav")
    }

    private func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-\(UUID().uuidString).conf")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

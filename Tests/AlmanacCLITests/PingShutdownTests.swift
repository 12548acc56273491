import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing
import WBXML

/// `almanac serve` with Pings waiting: SIGTERM answers every one of them (status 1) before the
/// process exits, and a connection that sends nothing is closed after the idle timeout.
struct PingShutdownTests {
    static let devices = 24
    static let address = "pat@example.com"
    static let password = "Ping-Password-1"

    /// One phone over HTTP: Provision, FolderSync, Ping.
    struct Phone {
        let client: HTTPClient
        let port: Int
        let deviceID: String
        var policyKey: UInt32?

        func post(_ command: String, _ element: WBXMLElement, timeout: TimeAmount = .seconds(60)) async throws
            -> (status: Int, body: WBXMLElement?)
        {
            var request = HTTPClientRequest(
                url:
                    "http://127.0.0.1:\(port)/Microsoft-Server-ActiveSync?Cmd=\(command)&User=pat&DeviceId=\(deviceID)&DeviceType=iPhone"
            )
            request.method = .POST
            request.headers.add(
                name: "Authorization",
                value: "Basic "
                    + Data("\(PingShutdownTests.address):\(PingShutdownTests.password)".utf8).base64EncodedString())
            request.headers.add(name: "MS-ASProtocolVersion", value: "14.1")
            request.headers.add(name: "Content-Type", value: "application/vnd.ms-sync.wbxml")
            if let policyKey { request.headers.add(name: "X-MS-PolicyKey", value: String(policyKey)) }
            request.body = .bytes(ByteBuffer(bytes: try WBXMLEncoder().encode(element)))
            let response = try await client.execute(request, timeout: timeout)
            let bytes = try await response.body.collect(upTo: 1 << 20)
            let body = bytes.readableBytes == 0 ? nil : try WBXMLDecoder().decode(Array(buffer: bytes))
            return (Int(response.status.code), body)
        }

        /// Both Provision phases and a FolderSync; returns the Notes folder's ServerId.
        mutating func prepare() async throws -> String {
            var policy = [WBXMLElement("Provision", "PolicyType", text: "MS-EAS-Provisioning-WBXML")]
            for _ in 0..<2 {
                let answer = try await post(
                    "Provision",
                    WBXMLElement(
                        "Provision", "Provision",
                        children: [
                            WBXMLElement(
                                "Provision", "Policies",
                                children: [WBXMLElement("Provision", "Policy", children: policy)])
                        ]))
                let key = answer.body?.child("Policies")?.child("Policy")?.child("PolicyKey")?.text
                policy = [
                    WBXMLElement("Provision", "PolicyType", text: "MS-EAS-Provisioning-WBXML"),
                    WBXMLElement("Provision", "PolicyKey", text: key ?? ""),
                    WBXMLElement("Provision", "Status", text: "1"),
                ]
                policyKey = key.flatMap { UInt32($0) }
            }
            let folders = try await post(
                "FolderSync",
                WBXMLElement(
                    "FolderHierarchy", "FolderSync", children: [WBXMLElement("FolderHierarchy", "SyncKey", text: "0")]))
            let notes = folders.body?.child("Changes")?.children.first { $0.child("Type")?.text == "10" }
            return try #require(notes?.child("ServerId")?.text)
        }

        func ping(_ folderID: String, seconds: Int) async throws -> (status: Int, body: WBXMLElement?) {
            try await post(
                "Ping",
                WBXMLElement(
                    "Ping", "Ping",
                    children: [
                        WBXMLElement("Ping", "HeartbeatInterval", text: String(seconds)),
                        WBXMLElement(
                            "Ping", "Folders",
                            children: [
                                WBXMLElement(
                                    "Ping", "Folder",
                                    children: [
                                        WBXMLElement("Ping", "Id", text: folderID),
                                        WBXMLElement("Ping", "Class", text: "Notes"),
                                    ])
                            ]),
                    ]), timeout: .seconds(600))
        }
    }

    /// The waiting count `/healthz` reports to a signed-in caller.
    static func waiting(_ port: Int) async throws -> Int {
        let health = try await HTTP(port: port).request(.GET, "/healthz", login: (address, password))
        let object = try JSONSerialization.jsonObject(with: Data(health.body.utf8)) as? [String: Any]
        return object?["activeSyncWaiting"] as? Int ?? -1
    }

    @Test func sigtermAnswersEveryWaitingPing() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-ping-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: data) }
        #expect(try AlmanacProcess.run(["domain", "add", "example.com", "--data-dir", data]).status == 0)
        let add = try AlmanacProcess.run(
            ["user", "add", Self.address, "--plan", "enhanced", "--password-stdin", "--data-dir", data],
            input: Self.password + "\n")
        #expect(add.status == 0)
        let server = try AlmanacProcess(serve: [
            "--data-dir", data, "--waiting-per-user", "100", "--requests-per-user", "200",
        ])
        let port = try await server.waitUntilListening()

        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = Self.devices + 4
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        var phones: [Phone] = []
        var notes = ""
        for index in 0..<Self.devices {
            var phone = Phone(client: client, port: port, deviceID: "Phone\(index)")
            notes = try await phone.prepare()
            phones.append(phone)
        }
        let started = ContinuousClock.now
        let (ready, folder) = (phones, notes)
        let answers = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for phone in ready {
                group.addTask {
                    let answer = try await phone.ping(folder, seconds: 3000)
                    return (answer.status, answer.body?.child("Status")?.text)
                }
            }
            let deadline = ContinuousClock.now + .seconds(60)
            while try await Self.waiting(port) < Self.devices, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            server.signal(SIGTERM)
            var answers: [(Int, String?)] = []
            for try await answer in group { answers.append(answer) }
            return answers
        }
        #expect(answers.count == Self.devices)
        #expect(answers.allSatisfy { $0.0 == 200 && $0.1 == "1" })
        #expect(ContinuousClock.now - started < .seconds(120))
        #expect(try await server.waitForExit() == 0)
        try await client.shutdown()
    }

    @Test func anIdleConnectionIsClosedAfterTheIdleTimeout() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-idle-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: data) }
        let server = try AlmanacProcess(serve: ["--data-dir", data, "--idle-timeout", "5"])
        let port = try await server.waitUntilListening()
        let socket = try IdleSocket(port: port)
        let started = ContinuousClock.now
        // Nothing sent: the server closes the connection (read returns 0) after about 5 s.
        #expect(try socket.readUntilClosed(within: 30))
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .seconds(4) && elapsed < .seconds(30))
        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
    }
}

/// A TCP connection to the server that sends nothing.
struct IdleSocket {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    /// Whether the peer closes the connection within `seconds` (a read returns 0 bytes).
    func readUntilClosed(within seconds: Int) throws -> Bool {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(descriptor, &buffer, buffer.count)
        close(descriptor)
        return count == 0
    }
}
